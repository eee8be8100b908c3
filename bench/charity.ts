/**
 * 慈善筹 benchmark: the projects side's hot queries on the embedded default (patched FerretDB v1.24
 * over SQLite), through the domain's own repository and indexes, at BENCH_PROJECTS projects
 * (default 20,000: far more than a province will have) and one project with BENCH_LINES spending
 * lines (default 2,000). p50 of BENCH_RUNS (default 25) beside the driver's findOne({_id}) in the
 * same run. Also: how long 20 spending lines recorded at once against one project take to settle
 * (each takes the next sequence; losers read again). Run: `npm run bench:charity`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startEmbeddedDatabase } from '../server/src/core/db/embedded';
import { ensureCharityIndexes, registerCharityModels } from '../server/src/domains/charity/models';
import { charityRepository } from '../server/src/domains/charity/repository';
import { squareFields } from '../server/src/domains/charity/services/squareFields';
import type { CharityProjectDoc } from '../server/src/domains/charity/models/project';
import type { CharitySpendingDoc } from '../server/src/domains/charity/models/spending';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 20_000);
const LINES = Number(process.env.BENCH_LINES ?? 2_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const T0 = Date.UTC(2025, 0, 1);
const COUNTIES = 50;
const GROUPS = ['children', 'elderly', 'disabled', 'illness', 'students', 'disaster', 'lowIncome', 'other'] as const;
const STATUSES = ['published', 'published', 'closed', 'draft', 'pendingReview', 'cancelled'] as const;

function project(i: number): CharityProjectDoc {
  const status = STATUSES[i % STATUSES.length];
  const overdue = i % 17 === 0;
  const at = new Date(T0 + i * 60_000);
  return {
    _id: `cp_${String(i).padStart(8, '0')}`, seq: 3, status, organizationId: `org${i % 200}`, organizationName: '某慈善总会', createdBy: 'u', title: `项目 ${i}`,
    story: '为困难群众提供帮助的慈善项目，善款使用情况全部公开。', targetGroup: GROUPS[i % GROUPS.length], regionCode: `3714${String(i % COUNTIES).padStart(2, '0')}`,
    goalFen: 1_000_000, startDate: '2025-01-01', endDate: '2026-12-31', budgetLines: [{ id: 'b1', label: '物资', amountFen: 1_000_000 }], contentFlag: 'pass',
    reviewNote: null, returnReason: null, submittedAt: at, publishedAt: status === 'published' || status === 'closed' ? at : null, endedAt: null, endReason: null,
    nextReportDue: '2026-03-01', reportOverdue: overdue, ...squareFields(status, overdue), lastReportId: null, createdAt: at, updatedAt: at,
  };
}

function line(projectId: string, sequence: number): CharitySpendingDoc {
  return {
    _id: `${projectId}:${String(sequence).padStart(6, '0')}`, projectId, sequence, requestKey: `k${sequence}`, organizationId: 'org0', regionCode: '371402', amountFen: 100,
    cumulativeFen: sequence * 100, spentOn: '2025-06-01', purpose: '物资', budgetLineId: 'b1', kind: 'general', peopleHelped: 1, cumulativePeople: sequence, beneficiaryKey: null,
    beneficiaryIdMasked: null, beneficiaryRegionCode: null, beneficiaryNameMasked: null, itemDescription: null, recordedBy: 'u', createdAt: new Date(),
  };
}

async function p50(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dajiuzhu-cbench-'));
  const db = await startEmbeddedDatabase({ dataDir });
  const conn = await mongoose.createConnection(db.uri, { dbName: 'charitybench' }).asPromise();
  try {
    const models = registerCharityModels(conn);
    await ensureCharityIndexes(models);
    const repo = charityRepository(models);
    for (let i = 0; i < PROJECTS; i += 2000) {
      await models.Project.collection.insertMany(Array.from({ length: Math.min(2000, PROJECTS - i) }, (_, j) => project(i + j)) as never[], { ordered: false });
    }
    const busy = 'cp_00000000';
    for (let s = 1; s <= LINES; s += 1000) {
      await models.Spending.collection.insertMany(Array.from({ length: Math.min(1000, LINES - s + 1) }, (_, j) => line(busy, s + j)) as never[], { ordered: false });
    }
    const base = await p50(() => models.Project.collection.findOne({ _id: 'cp_00000042' as never }));
    const firstPage = await repo.square({ statuses: ['published'], limit: 20 });
    const last = firstPage.projects[firstPage.projects.length - 1];
    const rows: [string, number][] = [
      ['square, every region, page 1 (20 + 1)', await p50(() => repo.square({ statuses: ['published'], limit: 20 }))],
      ['square, every region, published and closed', await p50(() => repo.square({ statuses: ['published', 'closed'], limit: 20 }))],
      ['square, every region, after a cursor', await p50(() => repo.square({ statuses: ['published'], limit: 20, after: { publishedAt: last.publishedAt!, _id: last._id } }))],
      ['square, one county (region range)', await p50(() => repo.square({ statuses: ['published'], regionCode: '371407', limit: 20 }))],
      ['square, every region, one target group', await p50(() => repo.square({ statuses: ['published'], targetGroup: 'elderly', limit: 20 }))],
      ['project by id (event log load)', await p50(() => repo.findProject('cp_00000042'))],
      [`last spending line of a project with ${LINES} lines`, await p50(() => repo.lastSpending(busy))],
      [`(before: people helped as $match + $sum over ${LINES} lines)`, await p50(() => models.Spending.aggregate([{ $match: { projectId: busy } }, { $group: { _id: null, n: { $sum: '$peopleHelped' } } }]).exec())],
      ['an organisation\'s projects (100)', await p50(() => repo.organizationProjects('org7', 100))],
      ['schedule: reports due before a day (200)', await p50(() => repo.reportDueBefore('2026-03-02', 200))],
    ];
    // 20 lines at once against one project: each needs the next sequence; count the attempts.
    const racer = 'cp_00000006';
    let attempts = 0;
    const t = Date.now();
    await Promise.all(Array.from({ length: 20 }, async (_, k) => {
      for (;;) {
        attempts += 1;
        const prev = await repo.lastSpending(racer);
        const seq = (prev?.sequence ?? 0) + 1;
        if (await repo.insertSpending({ ...line(racer, seq), requestKey: `race${k}`, cumulativeFen: (prev?.cumulativeFen ?? 0) + 100 })) return;
      }
    }));
    const raceMs = Date.now() - t;
    const total = await repo.lastSpending(racer);
    console.log(`\n## 慈善筹 queries (${PROJECTS.toLocaleString('en-US')} projects, embedded default, p50 of ${RUNS}; ${new Date().toISOString().slice(0, 10)})\n`);
    console.log(`| query | p50 | ÷ findOne({_id}) |\n|---|---:|---:|`);
    console.log(`| baseline: driver findOne({_id}) | ${base.toFixed(2)} ms | 1.0× |`);
    for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(2)} ms | ${(ms / base).toFixed(1)}× |`);
    console.log(`\n20 spending lines at once on one project: ${raceMs} ms until all landed, ${attempts} attempts (20 needed), running total ${total?.cumulativeFen} fen at sequence ${total?.sequence}.`);
  } finally {
    await conn.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((err) => { console.error(err); process.exitCode = 1; });
