import type { LedgerConfig } from '@dajiuzhu/config';
import { assembleStatement, diffStatements, statementFingerprint, type LedgerJobView } from '@dajiuzhu/shared';
import type { HappinessListDoc, HappinessListVersionDoc, HappinessNoticeDoc, LedgerJobDoc } from '../models/ledger';
import { emptyCounts } from '../models/ledger';
import { listId, type LedgerRepository } from '../repository';
import { toJobView } from '../views/jobView';
import { publishedNoticeText } from '../messages';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import { loadBeneficiaries, type BeneficiarySources } from './beneficiaryDirectory';
import { newJob, newJobId, type JobRunner } from './ledgerJobs';
import { PersonYearSums } from './personYearSums';

const lockId = (regionCode: string, year: number) => `publish:${regionCode}:${year}`;

/** A person's year as summed from the rows: where they live, the masked ID number, fen per programme and month. */
interface PersonYear { regionCode: string; idMasked: string; sums: PersonYearSums }

/**
 * Publishing a region's statements for a year, as a background job with progress, one publish of
 * a region and year at a time; and the staff's view of publish and payment-run jobs.
 */
export function happinessPublishing(deps: {
  repo: LedgerRepository; beneficiaries: BeneficiarySources; audit: AuditService; config: LedgerConfig; runner: JobRunner;
  /** Pushes subscribe messages for the year's new notices; null: in-app notices only. */
  pushNotices: ((year: number) => Promise<void>) | null; now: () => Date;
}) {
  const { repo, config, runner } = deps;

  /**
   * One streaming scan of the year's rows, summed per person, programme and month in the process.
   * Not a $group: FerretDB v1.24 groups in a way that grows with rows × groups (10,000 rows into
   * 10,000 groups took seconds; a million would not finish) and computes only the first
   * accumulator of a $group (docs/ledger.md). Memory grows with the region's people (a few hundred
   * bytes each: PersonYearSums).
   */
  async function sumYear(year: number, regionCode: string): Promise<Map<string, PersonYear>> {
    const people = new Map<string, PersonYear>();
    for await (const d of repo.statementRowsInRegion(year, regionCode)) {
      let person = people.get(d.beneficiaryKey);
      if (!person) { person = { regionCode: d.regionCode, idMasked: d.idNumberMasked ?? '', sums: new PersonYearSums(year) }; people.set(d.beneficiaryKey, person); }
      if (!person.idMasked && d.idNumberMasked) person.idMasked = d.idNumberMasked;
      person.sums.add(d.programme, d.period, d.amountFen);
    }
    return people;
  }

  /** Writes the versions that changed: version (insert wins), snapshot, notice. Returns how many were new. */
  async function writeVersions(versions: HappinessListVersionDoc[], year: number, at: Date, pushing: boolean): Promise<{ won: number; lost: number }> {
    // Changes against the version before (read by `_id`, only for the statements that changed).
    for (const v of versions) {
      if (v.version > 1) v.changes = diffStatements((await repo.findList(v.listId))?.body ?? null, v.body);
    }
    const lost = await repo.insertListVersions(versions);
    const won = versions.filter((_, idx) => !lost.has(idx));
    // A first version is a plain insert (fast on FerretDB, where every update is read-then-write);
    // a later version replaces the snapshot under the same `_id`.
    const asSnapshot = ({ listId: lid, ...doc }: HappinessListVersionDoc): HappinessListDoc => ({ ...doc, _id: lid });
    const firsts = won.filter((v) => v.version === 1).map(asSnapshot);
    const taken = await repo.insertLists(firsts);
    await repo.replaceLists([...firsts.filter((_, idx) => taken.has(idx)), ...won.filter((v) => v.version > 1).map(asSnapshot)]);
    // Without a subscribe-message sender the notice is in-app only: marked so at once (no later update of every notice).
    const notices: HappinessNoticeDoc[] = won.map((v) => ({
      _id: v._id, beneficiaryKey: v.beneficiaryKey, year, version: v.version, createdAt: at, push: pushing ? 'pending' : 'noWechat', text: publishedNoticeText(year, v.version),
    }));
    await repo.insertNotices(notices);
    return { won: won.length, lost: lost.size };
  }

  /**
   * Publishes a region's statements for a year: the year's rows summed per person, then in
   * batches: assemble each statement, compare with the published fingerprint, and only where the
   * figures changed write a new version (insert wins on "<key>:<year>:<version>"), the snapshot
   * (one `_id` per person and year) and a notice. Running it again publishes nothing new.
   */
  async function work(job: LedgerJobDoc, shouldStop: () => boolean) {
    const year = job.year!;
    const people = await sumYear(year, job.regionCode);
    const published = new Map<string, { version: number; fingerprint: string }>();
    for await (const d of repo.publishedInRegion(year, job.regionCode)) published.set(String(d._id), { version: d.version, fingerprint: d.fingerprint });
    const names = await loadBeneficiaries(deps.beneficiaries, job.regionCode);
    const counts = { ...emptyCounts(), total: people.size };
    let totalFen = 0;
    await repo.updateJob(job._id, { counts, heartbeatAt: new Date() });

    const keys = [...people.keys()];
    const pushing = !!deps.pushNotices;
    let batchNo = 0;
    for (let i = 0; i < keys.length; i += config.publishBatch) {
      const at = deps.now();
      const versions: HappinessListVersionDoc[] = [];
      for (const key of keys.slice(i, i + config.publishBatch)) {
        const person = people.get(key)!;
        const body = assembleStatement(year, person.sums.rows());
        totalFen += body.grandTotalFen;
        const fingerprint = statementFingerprint(body);
        const id = listId(key, year);
        const prev = published.get(id);
        if (prev && prev.fingerprint === fingerprint) { counts.unchanged++; continue; }
        const version = (prev?.version ?? 0) + 1;
        const who = names.get(key);
        versions.push({
          _id: `${id}:${version}`, listId: id, beneficiaryKey: key, year, version, regionCode: who?.regionCode ?? person.regionCode, nameMasked: who?.nameMasked ?? '',
          idNumberMasked: person.idMasked, fingerprint, body, changes: [], jobId: job._id, publishedAt: at,
        });
      }
      const { won, lost } = await writeVersions(versions, year, at, pushing);
      counts.unchanged += lost;
      counts.created += won;
      counts.done = Math.min(keys.length, i + config.publishBatch);
      await repo.updateJob(job._id, { counts, totalFen, heartbeatAt: new Date() });
      await runner.batchCommitted(job._id, ++batchNo);
      if (shouldStop()) return;
    }
    await repo.updateJob(job._id, { status: 'done', counts, totalFen, finishedAt: new Date() });
    await repo.releaseLock(lockId(job.regionCode, year), job._id);
    if (deps.pushNotices) void deps.pushNotices(year).catch(() => {});
  }

  /** One publish of a region and year at a time (insert wins); a lock whose job died or stalled is taken over. */
  async function takeLock(regionCode: string, year: number, jobId: string) {
    const id = lockId(regionCode, year);
    if (await repo.insertLock(id, jobId)) return;
    const lock = await repo.findLock(id);
    const holder = lock ? await repo.findJob(lock.jobId) : null;
    const stale = !holder || holder.status !== 'running' || Date.now() - new Date(holder.heartbeatAt).getTime() > config.staleJobMs;
    if (!stale) throw new AppError('LEDGER_JOB_BUSY');
    await repo.releaseLock(id, lock?.jobId);
    if (!(await repo.insertLock(id, jobId))) throw new AppError('LEDGER_JOB_BUSY');
  }

  return {
    work,

    async publish(ctx: ActionContext, year: number, regionCode?: string): Promise<LedgerJobView> {
      const region = regionCode ?? requireStaff(ctx.actor).regionCode;
      requireStaffCovering(ctx.actor, region);
      const id = newJobId('pub');
      await takeLock(region, year, id);
      const job = newJob({ _id: id, kind: 'publish', regionCode: region, actorId: ctx.actor._id, year }, deps.now());
      await repo.takeLease(id, 1);
      await repo.createJob(job);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'happinessList.publish', subjectId: '', requestId: ctx.requestId, details: { year, regionCode: region, jobId: id } });
      // A stopped or failed publish gives the lock back at once, so the region can publish again.
      void runner.start(job, async (j, stop) => {
        try { await work(j, stop); } finally { if (stop()) await repo.releaseLock(lockId(region, year), id); }
      }).then(async () => {
        if ((await repo.findJob(id))?.status === 'failed') await repo.releaseLock(lockId(region, year), id);
      });
      return toJobView(job);
    },

    async job(ctx: ActionContext, jobId: string): Promise<LedgerJobView> {
      requireStaff(ctx.actor);
      const job = await repo.findJob(jobId);
      requireStaffCovering(ctx.actor, job && job.kind !== 'import' ? job.regionCode : null);
      return toJobView(job!);
    },

    async jobs(ctx: ActionContext, kind: 'publish' | 'paymentRun') {
      return { jobs: (await repo.listJobs(kind, requireStaff(ctx.actor).regionCode, 30)).map(toJobView) };
    },
  };
}
