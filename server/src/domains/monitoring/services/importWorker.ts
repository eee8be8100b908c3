import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { maskIdNumber, normalizeIdNumber, regionCovers, shanghaiDate, validateRecordRow, MONITORING_FIELDS, type MonitoringField, type MonitoringSource, type RawRecordRow } from '@dajiuzhu/shared';
import type { ImportIssueDoc, JobDoc, RecordDoc } from '../models/monitoring';
import type { MonitoringRepository } from '../repository';
import type { PiiCipher } from '../../../core/crypto/pii';
import { readImportRows, type FileKind } from '../../../core/imports/fileReading';
import { addPeople, type IncomingPerson } from './population';
import { MONITORING_FILE_CODES } from './importFiles';

/** The natural key of a department row: the department's own reference when it sends one, else the row's facts. */
function recordKey(source: string, personKey: string, natural: string): string {
  return `${source}:${createHash('sha256').update(`${personKey}|${natural}`).digest('base64url').slice(0, 32)}`;
}

/**
 * Works an import from its checkpoint to the end: reads the stored file's rows (core/imports),
 * checks each (shared validateRecordRow), matches the person on the watch list by the blind index
 * of the ID number, and inserts a batch at a time. Every row ends up exactly once: stored, a
 * duplicate of a row already there, rejected (with its problems) or unmatched (not on the watch
 * list). A list import (populationList) adds its people to the watch list instead.
 */
export function importWorker(deps: {
  repo: MonitoringRepository; pii: PiiCipher; batchRows: number; now: () => Date; afterImport: (job: JobDoc) => Promise<void>;
  /** 公安 death rows of watched people, stored or already there (动态管理 holds their payment; idempotent by the row's key). */
  onDeaths?: (rows: { personKey: string; date: string; reference: string }[]) => Promise<void>;
  /** 残联 certificates of watched people, stored or already there (免审秒办 grants the subsidies they give; idempotent per person and programme). */
  onDisabilityRecords?: (rows: { personKey: string; grade: number; date: string; reference: string; importId: string }[]) => Promise<void>;
}) {
  const { repo, pii } = deps;

  return async function work(job: JobDoc, shouldStop: () => boolean): Promise<void> {
    const source = job.source as MonitoringSource;
    const kind: FileKind = { format: job.format as 'csv' | 'xlsx', encoding: job.encoding as 'utf8' | 'gbk' | 'n/a' };
    const columns = job.columns as Partial<Record<MonitoringField, number>>;
    const counts = { rows: 0, accepted: 0, duplicates: 0, rejected: 0, unmatched: 0, ...job.counts };
    // Who is watched inside the importer's region: blind index → region (≈ 60 bytes a person; 100,000 people ≈ 6 MB).
    const watched = new Map<string, string>();
    if (source !== 'populationList') for await (const p of repo.peopleInRegionCursor(job.regionCode)) watched.set(p._id, p.regionCode);
    let checkpoint = job.checkpoint;
    let recheckOwn = job.attempt > 1; // the first batch after a takeover may have been partly stored by the attempt that died
    const today = shanghaiDate(deps.now());
    let batch: { line: number; raw: RawRecordRow }[] = [];

    const flush = async () => {
      if (!batch.length) return;
      const docs: RecordDoc[] = [];
      const docLines: { line: number; masked: string }[] = [];
      const issues: ImportIssueDoc[] = [];
      const people: IncomingPerson[] = [];
      const at = deps.now();
      for (const { line, raw } of batch) {
        counts.rows++;
        const masked = raw.idNumber ? maskIdNumber(normalizeIdNumber(raw.idNumber)) : '';
        const r = validateRecordRow(source, raw, today);
        // A list row naming a region outside the importer's is refused like a bad row.
        if (!r.ok || (r.list && !regionCovers(job.regionCode, r.list.regionCode))) {
          counts.rejected++;
          issues.push({ _id: `${job._id}:${line}`, importId: job._id, line, status: 'rejected', idNumberMasked: masked, problems: r.ok ? ['regionInvalid'] : r.problems });
          continue;
        }
        const key = pii.blindIndex(r.idNumber);
        if (r.list) {
          people.push({
            _id: key, name: r.name, idNumberMasked: maskIdNumber(r.idNumber), idNumberCipher: pii.encrypt(r.idNumber), group: r.list.group, regionCode: r.list.regionCode,
            householdKey: r.list.householdNo ? `${r.list.regionCode}:${r.list.householdNo}` : key, householdIncomeFen: r.list.householdIncomeFen, householdSize: r.list.householdSize, origin: `list:${job._id}`,
          });
          counts.accepted++;
          continue;
        }
        const region = watched.get(key);
        if (!region) {
          counts.unmatched++;
          issues.push({ _id: `${job._id}:${line}`, importId: job._id, line, status: 'unmatched', idNumberMasked: masked, problems: ['unmatched'] });
          continue;
        }
        const rec = r.record;
        const natural = rec.reference ? `ref|${rec.reference}` : [rec.kind, rec.date, rec.amountFen, rec.totalFen, rec.grade, rec.text].join('|');
        docs.push({ _id: recordKey(source, key, natural), personKey: key, source, ...rec, regionCode: region, importId: job._id, line, createdAt: at });
        docLines.push({ line, masked });
      }
      if (people.length) await addPeople(repo, people, at);
      const dups = await repo.insertRecords(docs);
      const deaths = docs.filter((d) => d.kind === 'death');
      if (deaths.length && deps.onDeaths) await deps.onDeaths(deaths.map((d) => ({ personKey: d.personKey, date: d.date, reference: d._id })));
      const certificates = docs.filter((d) => d.kind === 'disabilityCertificate' && d.grade !== null);
      if (certificates.length && deps.onDisabilityRecords) await deps.onDisabilityRecords(certificates.map((d) => ({ personKey: d.personKey, grade: d.grade!, date: d.date, reference: d._id, importId: job._id })));
      for (let i = 0; i < docs.length; i++) {
        let duplicate = dups.has(i);
        if (duplicate && recheckOwn) duplicate = (await repo.findRecord(docs[i]._id))?.importId !== job._id;
        if (duplicate) {
          counts.duplicates++;
          issues.push({ _id: `${job._id}:${docLines[i].line}`, importId: job._id, line: docLines[i].line, status: 'duplicate', idNumberMasked: docLines[i].masked, problems: ['duplicate'] });
        } else counts.accepted++;
      }
      await repo.insertIssues(issues);
      checkpoint = batch[batch.length - 1].line;
      batch = [];
      recheckOwn = false;
      await repo.updateJob(job._id, { checkpoint, counts, heartbeatAt: new Date() });
    };

    for await (const { line, cells } of readImportRows(job.filePath, kind, MONITORING_FILE_CODES)) {
      if (line === 1 || line <= checkpoint) continue;
      const raw: RawRecordRow = {};
      for (const f of MONITORING_FIELDS) {
        const idx = columns[f];
        if (idx !== undefined) raw[f] = cells[idx] ?? '';
      }
      batch.push({ line, raw });
      if (batch.length >= deps.batchRows) {
        await flush();
        if (shouldStop()) return;
      }
    }
    await flush();
    await repo.updateJob(job._id, { status: 'done', counts, finishedAt: new Date() });
    await rm(job.filePath, { force: true }).catch(() => {});
    await deps.afterImport({ ...job, counts, status: 'done' });
  };
}
