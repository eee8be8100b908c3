import { RULE_KIND_LABELS, judgeRecord, judgeTally, shanghaiDate, type DepartmentRecord, type EvaluationView, type RuleKind, type Verdict } from '@dajiuzhu/shared';
import type { AlertDoc, JobDoc } from '../models/monitoring';
import type { MonitoringRepository } from '../repository';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import { alertIdOf, type DeadlineOf } from './alertStore';
import { newJob, newJobId, type MonitoringJobRunner } from './jobRunner';
import type { RuleService } from './rules';
import type { PopulationService } from './population';
import { medicalTallies, populationIndex } from './evaluationState';

/** The department a rule's data comes from (an alert's `source`, and where its outcome is fed back). */
export const RULE_SOURCES: Record<RuleKind, string> = {
  medicalOutOfPocket: 'medical', severeDisability: 'disability', edgeUnemployment: 'humanResources', largeSchoolCost: 'education',
  assetOnBeneficiary: 'assets', deathInHousehold: 'publicSecurity', hotlineReferral: 'hotline12345',
};

export function toEvaluationView(j: JobDoc): EvaluationView {
  const c = j.counts ?? {};
  return {
    id: j._id, regionCode: j.regionCode, asOf: j.asOf, status: j.status,
    counts: { people: c.people ?? 0, records: c.records ?? 0, alertsNew: c.alertsNew ?? 0, alertsExisting: c.alertsExisting ?? 0 },
    error: j.error, createdAt: new Date(j.createdAt).toISOString(), finishedAt: j.finishedAt ? new Date(j.finishedAt).toISOString() : null,
  };
}

/**
 * The rule evaluation (数据比对 → 预警) of a region, a background job with progress. Bounded memory
 * however many records: the region's people once in a compact index (evaluationState.ts: ≈ 200
 * bytes each, with the name and mask an alert needs), then the records streamed from a cursor in
 * batches; event rules judge each record alone, the medical rule keeps a few numbers per person;
 * alerts are built as raised and inserted a batch at a time under their unique key, so a second
 * run over the same data inserts nothing. One evaluation per region at a time across processes
 * (the core job lease `monitoring.evaluation:<region>`).
 */
export function evaluationService(deps: {
  repo: MonitoringRepository; rules: RuleService; population: PopulationService; runner: MonitoringJobRunner; audit: AuditService; deadlineOf: DeadlineOf; batchRows: number; now?: () => Date;
}) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());

  async function work(job: JobDoc, shouldStop: () => boolean): Promise<void> {
    const counts = { people: 0, records: 0, alertsNew: 0, alertsExisting: 0 };
    await deps.population.syncFromEntitlements(job.regionCode);
    const people = populationIndex();
    for await (const p of repo.peopleInRegionCursor(job.regionCode)) people.add(p);
    counts.people = people.size;
    const rulesOf = await deps.rules.resolverFor(job.regionCode, job.asOf);
    const tallies = medicalTallies(job.asOf);
    // The ids raised in this run (one alert per person, rule and month even when the data repeats it): ≈ 100 bytes an alert.
    const raised = new Set<string>();
    let pending: AlertDoc[] = [];

    const flush = async () => {
      if (!pending.length) return;
      const dups = await repo.insertAlerts(pending);
      counts.alertsNew += pending.length - dups.size;
      counts.alertsExisting += dups.size;
      pending = [];
      await repo.updateJob(job._id, { counts, checkpoint: counts.records, heartbeatAt: new Date() });
    };
    const raise = async (personKey: string, row: number, verdict: Verdict) => {
      const id = alertIdOf(personKey, verdict.ruleId, verdict.period);
      if (raised.has(id)) return; // the same person, rule and month twice in the data: one alert
      raised.add(id);
      const p = people.alertFacts(row);
      const at = now();
      pending.push({
        _id: id, sequence: 0, origin: 'dataComparison', source: RULE_SOURCES[verdict.kind], ruleId: verdict.ruleId, ruleKind: verdict.kind,
        period: verdict.period, level: verdict.level, status: 'open', personKey, subjectName: p.name, idNumberMasked: p.idNumberMasked, group: p.group,
        householdSize: p.householdSize, householdIncomeFen: p.householdIncomeFen, regionCode: p.regionCode, evidence: verdict.evidence, reporterId: '', report: null,
        assignee: null, assigneeId: '', visits: [], timeline: [{ action: 'raise', at, actorId: 'system', note: RULE_KIND_LABELS[verdict.kind] }], outcome: null,
        deadline: deps.deadlineOf(verdict.level, at), evaluationId: job._id, createdAt: at, updatedAt: at, closedAt: null,
      });
      // Bounded: at most one batch of alerts is held before it is written.
      if (pending.length >= deps.batchRows) await flush();
    };

    for await (const r of repo.recordsInRegionCursor(job.regionCode)) {
      counts.records++;
      const row = people.rowOf(r.personKey);
      if (row >= 0) {
        const record = r as DepartmentRecord;
        const facts = people.facts(row);
        for (const rule of rulesOf(people.regionOf(row))) {
          if (rule.kind === 'medicalOutOfPocket') { tallies.add(row, rule, record); continue; }
          const verdict = judgeRecord(rule, facts, record, job.asOf);
          if (verdict) await raise(r.personKey, row, verdict);
        }
      }
      if (counts.records % deps.batchRows === 0) {
        await repo.updateJob(job._id, { counts, checkpoint: counts.records, heartbeatAt: new Date() });
        if (shouldStop()) return;
      }
    }
    for (const { row, rule, tally } of tallies.judged()) {
      const verdict = judgeTally(rule, people.facts(row), tally);
      if (verdict) await raise(people.keyOf(row), row, verdict);
    }
    await flush();
    await repo.updateJob(job._id, { status: 'done', counts, checkpoint: counts.records, finishedAt: new Date() });
  }

  /** Queues an evaluation of `scope` and starts it; MONITORING_EVALUATION_RUNNING (409) when one of that region runs. */
  async function start(regionCode: string, actorId: string, asOf?: string): Promise<JobDoc> {
    const job = newJob({ _id: newJobId('mev'), kind: 'evaluation', regionCode, actorId, asOf: asOf ?? shanghaiDate(now()), counts: { people: 0, records: 0, alertsNew: 0, alertsExisting: 0 } }, now());
    await repo.createJob(job);
    if (!(await deps.runner.start(job, work, `monitoring.evaluation:${regionCode}`))) {
      await repo.updateJob(job._id, { status: 'failed', error: { code: 'MONITORING_EVALUATION_RUNNING', message: '本辖区的预警比对正在运行' }, finishedAt: new Date() });
      throw new AppError('MONITORING_EVALUATION_RUNNING');
    }
    return job;
  }

  return {
    start,
    /** After a department import: evaluate the importer's region (a busy region is evaluated by the run already going, which reads the new rows too if it started after them; else staff start one). */
    async afterImport(importJob: JobDoc): Promise<void> {
      try {
        const job = await start(importJob.regionCode, importJob.actorId);
        await repo.updateJob(importJob._id, { evaluationId: job._id });
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'MONITORING_EVALUATION_RUNNING')) throw err;
      }
    },

    async startByStaff(ctx: ActionContext, body: { regionCode?: string; asOf?: string }): Promise<EvaluationView> {
      const scope = body.regionCode ?? requireStaff(ctx.actor).regionCode;
      requireStaffCovering(ctx.actor, scope);
      const job = await start(scope, ctx.actor._id, body.asOf);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'monitoring.evaluation.start', requestId: ctx.requestId, details: { evaluationId: job._id, regionCode: scope } });
      return toEvaluationView(job);
    },

    async get(ctx: ActionContext, id: string): Promise<EvaluationView> {
      requireStaff(ctx.actor);
      const job = await repo.findJob(id);
      requireStaffCovering(ctx.actor, job?.kind === 'evaluation' ? job.regionCode : null);
      return toEvaluationView(job!);
    },

    /** For tests, the demo and the benchmark: run an evaluation here and wait for it. */
    async runNow(regionCode: string, asOf?: string): Promise<EvaluationView> {
      const job = await start(regionCode, 'system', asOf);
      await deps.runner.settle(job._id);
      return toEvaluationView((await repo.findJob(job._id))!);
    },
  };
}
export type EvaluationService = ReturnType<typeof evaluationService>;
