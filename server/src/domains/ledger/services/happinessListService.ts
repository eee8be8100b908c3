import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { PolicyStandards } from '@dajiuzhu/config';
import type { LedgerConfig } from '@dajiuzhu/config/src/ledger';
import {
  assembleStatement, diffStatements, maskName, regionCovers, regionPrefix, statementFingerprint, statementSummary, formatYuanText, programmeInfo, programmeName,
  type HappinessFeedbackView, type HappinessListView, type HappinessQuestionView, type HappinessStats, type LedgerJobView, type StaffHappinessQuestionView,
  type StatementInputRow,
} from '@dajiuzhu/shared';
import type { HappinessFeedbackDoc, HappinessListDoc, HappinessNoticeDoc, HappinessQuestionDoc, LedgerJobDoc, LedgerModels } from '../models/ledger';
import { emptyCounts } from '../models/ledger';
import { insertManyWins, regionFilter, type LedgerRepository } from '../repository';
import type { ProfileService } from '../../../core/identity/profileService';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import { insertWins } from '../../../core/db/insertWins';
import type { ActionContext } from '../../../core/context';
import { loadBeneficiaries } from './beneficiaryDirectory';
import { ledgerTestHooks, newJobId, type JobRunner } from './ledgerJobs';
import { staffScope } from './ledgerImportService';
import type { SubscribeMessageClient } from '../../../core/adapters/wechat/subscribeMessage';

export const listId = (beneficiaryKey: string, year: number) => `${beneficiaryKey}:${year}`;

export function toJobView(j: LedgerJobDoc): LedgerJobView {
  const c = { ...emptyCounts(), ...j.counts };
  return {
    id: j._id, kind: j.kind as 'publish' | 'paymentRun', status: j.status, regionCode: j.regionCode, year: j.year, period: j.period,
    counts: { total: c.total, done: c.done, created: c.created, unchanged: c.unchanged, skipped: c.skipped }, totalFen: j.totalFen, error: j.error,
    createdAt: new Date(j.createdAt).toISOString(), finishedAt: j.finishedAt ? new Date(j.finishedAt).toISOString() : null,
  };
}

type RateLike = { fen: number; per: string; atLeast?: boolean };
const PER: Record<string, string> = { month: '每人每月', year: '每人每年', winter: '每户每个冬季', schoolYear: '每人每学年' };
const VARIANT: Record<string, string> = { urban: '城市', rural: '农村', grade1to2: '一、二级', grade3to4: '三、四级', grade1: '一级', grade2: '二级', institutional: '机构养育', community: '社会散居' };

/** "The standards that applied": the published rates of the programmes received, in plain words. */
export function standardsApplied(policy: PolicyStandards, regionCode: string, year: number, programmes: string[]) {
  const s = policy.standardsFor(regionCode, `${year}-12-31`);
  if (!s) return [];
  const out: { programme: string; label: string; text: string }[] = [];
  const rates = s.rates as Record<string, unknown>;
  for (const code of programmes) {
    const r = rates[code];
    if (!r || typeof r !== 'object') continue;
    const entries: [string, RateLike][] = 'fen' in (r as object) ? [['', r as RateLike]] : Object.entries(r as Record<string, RateLike>).filter(([, v]) => v && typeof v === 'object' && 'fen' in v);
    for (const [variant, rate] of entries) {
      out.push({ programme: code, label: `${s.regionName} ${VARIANT[variant] ?? ''}${programmeInfo(code).standardName ?? `${programmeName(code)}标准`}`, text: `${PER[rate.per] ?? ''}${rate.atLeast ? '不低于 ' : ' '}${formatYuanText(rate.fen)}（自 ${s.effectiveFrom} 起执行）` });
    }
  }
  return out;
}

export function happinessListService(deps: {
  repo: LedgerRepository; models: LedgerModels; db: Connection; profiles: ProfileService; audit: AuditService; config: LedgerConfig; runner: JobRunner;
  /** The standards in force now, admin-added periods included (the policy domain's api). */
  policy: () => PolicyStandards; subscribe: SubscribeMessageClient | null; subscribeTemplateId: string; now?: () => Date;
}) {
  const { repo, models: m, runner, config } = deps;
  const now = deps.now ?? (() => new Date());

  function toView(doc: HappinessListDoc, published = true): HappinessListView {
    const b = doc.body;
    return {
      year: doc.year, version: doc.version, publishedAt: new Date(doc.publishedAt).toISOString(),
      beneficiary: { nameMasked: doc.nameMasked, idNumberMasked: doc.idNumberMasked, regionCode: doc.regionCode },
      summary: statementSummary(b), programmes: b.programmes, otherHelp: b.otherHelp, monthlyTotals: b.monthlyTotals, grandTotalFen: b.grandTotalFen,
      standards: standardsApplied(deps.policy(), doc.regionCode, doc.year, b.programmes.map((p) => p.programme)),
      changes: doc.changes, published,
    };
  }

  async function myKey(ctx: ActionContext) {
    const profile = await deps.profiles.findById(ctx.actor._id);
    if (!profile) throw new AppError('HAPPINESS_LIST_NOT_PUBLISHED', { message: '请先完成实名认证，再查看您的幸福清单' });
    return profile;
  }

  async function myList(ctx: ActionContext, year: number) {
    const profile = await myKey(ctx);
    const doc = await repo.findList(listId(profile.idNumberBlindIndex, year));
    if (!doc) throw new AppError('HAPPINESS_LIST_NOT_PUBLISHED');
    return { profile, doc };
  }

  /**
   * Publishes a region's statements for a year: one streaming scan of the year's disbursements,
   * summed per person, programme and month, then in batches: assemble each statement, compare with the published fingerprint, and only where the
   * figures changed write a new version (insert wins on "<key>:<year>:<version>"), the snapshot
   * (one `_id` per person and year) and a notice. Running it again publishes nothing new.
   */
  async function work(job: LedgerJobDoc, shouldStop: () => boolean) {
    const year = job.year!;
    const prefix = regionPrefix(job.regionCode);
    // One streaming scan of the year's rows, summed per person, programme and month in the process.
    // Not a $group: FerretDB v1.24 groups in a way that grows with rows × groups (10,000 rows into
    // 10,000 groups took seconds; a million would not finish) and computes only the first
    // accumulator of a $group (docs/ledger.md). Memory grows with the region's people × months.
    const people = new Map<string, { regionCode: string; idMasked: string; sums: Map<string, number> }>();
    const cursor = m.Disbursement.collection.find(
      { year, regionCode: regionFilter(prefix) },
      { projection: { _id: 0, beneficiaryKey: 1, programme: 1, period: 1, amountFen: 1, regionCode: 1, idNumberMasked: 1 }, batchSize: 5000 },
    );
    for await (const d of cursor) {
      const key = d.beneficiaryKey as string;
      let person = people.get(key);
      if (!person) { person = { regionCode: d.regionCode as string, idMasked: (d.idNumberMasked as string) ?? '', sums: new Map() }; people.set(key, person); }
      if (!person.idMasked && d.idNumberMasked) person.idMasked = d.idNumberMasked as string;
      const k = `${d.programme as string}|${d.period as string}`;
      person.sums.set(k, (person.sums.get(k) ?? 0) + (d.amountFen as number));
    }
    const published = new Map<string, { version: number; fingerprint: string }>();
    for await (const d of m.HappinessList.collection.find({ year, regionCode: regionFilter(prefix) }, { projection: { version: 1, fingerprint: 1 } })) {
      published.set(String(d._id), { version: d.version as number, fingerprint: d.fingerprint as string });
    }
    const names = await loadBeneficiaries(deps.db, job.regionCode);
    const counts = { ...emptyCounts(), total: people.size };
    let totalFen = 0;
    await repo.updateJob(job._id, { counts, heartbeatAt: new Date() });

    const keys = [...people.keys()];
    // Without a subscribe-message sender the notice is in-app only: marked so at once (no later update of every notice).
    const pushing = !!deps.subscribe && !!deps.subscribeTemplateId;
    let batchNo = 0;
    for (let i = 0; i < keys.length; i += config.publishBatch) {
      const at = now();
      const versions: (HappinessListDoc & { listId: string })[] = [];
      for (const key of keys.slice(i, i + config.publishBatch)) {
        const person = people.get(key)!;
        const rows: StatementInputRow[] = [];
        for (const [k, amountFen] of person.sums) { const [programme, period] = k.split('|'); rows.push({ programme, period, amountFen }); }
        const body = assembleStatement(year, rows);
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
      // Changes against the version before (read by `_id`, only for the statements that changed).
      for (const v of versions) {
        if (v.version > 1) {
          const before = await repo.findList(v.listId);
          v.changes = diffStatements(before?.body ?? null, v.body);
        }
      }
      const lost = await insertManyWins(m.HappinessListVersion.collection, versions);
      const won = versions.filter((_, idx) => !lost.has(idx));
      counts.unchanged += lost.size;
      counts.created += won.length;
      // A first version is a plain insert (fast on FerretDB, where every update is read-then-write);
      // a later version replaces the snapshot under the same `_id`.
      const asSnapshot = ({ listId: lid, ...doc }: HappinessListDoc & { listId: string }): HappinessListDoc => ({ ...doc, _id: lid });
      const firsts = won.filter((v) => v.version === 1).map(asSnapshot);
      const taken = await insertManyWins(m.HappinessList.collection, firsts);
      const replace = [...firsts.filter((_, idx) => taken.has(idx)), ...won.filter((v) => v.version > 1).map(asSnapshot)];
      await repo.writeLists(replace.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })));
      const notices: HappinessNoticeDoc[] = won.map((v) => ({
        _id: v._id, beneficiaryKey: v.beneficiaryKey, year, version: v.version, createdAt: at, push: pushing ? 'pending' : 'noWechat',
        text: v.version === 1 ? `您的${year}年幸福清单已发布，请查看每一项救助和金额。` : `您的${year}年幸福清单有更新（第${v.version}版），请查看变化。`,
      }));
      await insertManyWins(m.HappinessNotice.collection, notices);
      counts.done = Math.min(keys.length, i + config.publishBatch);
      await repo.updateJob(job._id, { counts, totalFen, heartbeatAt: new Date() });
      batchNo++;
      await ledgerTestHooks.afterBatch?.(job._id, batchNo);
      if (shouldStop()) return;
    }
    await repo.updateJob(job._id, { status: 'done', counts, totalFen, finishedAt: new Date() });
    await m.Lock.deleteOne({ _id: `publish:${job.regionCode}:${year}`, jobId: job._id }).exec();
    if (pushing) void pushNotices(year).catch(() => {});
  }

  /** Subscribe messages for pending notices (WeChat users who agreed); the in-app notice is there either way. */
  async function pushNotices(year: number) {
    const pending = await m.HappinessNotice.find({ year, push: 'pending' }).lean<HappinessNoticeDoc[]>().exec();
    if (!pending.length) return;
    if (!deps.subscribe || !deps.subscribeTemplateId) return;
    const keys = new Set(pending.map((n) => n.beneficiaryKey));
    const userByKey = new Map<string, string>();
    for await (const p of deps.db.collection('profiles').find({}, { projection: { idNumberBlindIndex: 1 } })) if (keys.has(String(p.idNumberBlindIndex))) userByKey.set(String(p.idNumberBlindIndex), String(p._id));
    const openidByUser = new Map<string, string>();
    for await (const i of deps.db.collection('identities').find({ _id: { $regex: '^wechat:' } } as never)) openidByUser.set(String(i.userId), String(i._id).slice('wechat:'.length));
    for (const n of pending) {
      const openid = openidByUser.get(userByKey.get(n.beneficiaryKey) ?? '');
      const outcome = openid
        ? await deps.subscribe.send({ openid, templateId: deps.subscribeTemplateId, page: `packages/happiness/pages/index/index?year=${n.year}`, data: { thing1: `${n.year}年幸福清单`, phrase2: n.version === 1 ? '已发布' : '有更新', time3: n.createdAt.toISOString().slice(0, 10) } })
        : 'noWechat';
      await m.HappinessNotice.updateOne({ _id: n._id }, { $set: { push: outcome } }).exec();
    }
  }

  async function takeLock(regionCode: string, year: number, jobId: string) {
    const _id = `publish:${regionCode}:${year}`;
    if (await insertWins(m.Lock, { _id, jobId, heartbeatAt: new Date() })) return;
    const lock = await m.Lock.findById(_id).lean().exec();
    const holder = lock ? await repo.findJob(lock.jobId) : null;
    const stale = !holder || holder.status !== 'running' || Date.now() - new Date(holder.heartbeatAt).getTime() > config.staleJobMs;
    if (!stale) throw new AppError('LEDGER_JOB_BUSY');
    await m.Lock.deleteOne({ _id, jobId: lock?.jobId }).exec();
    if (!(await insertWins(m.Lock, { _id, jobId, heartbeatAt: new Date() }))) throw new AppError('LEDGER_JOB_BUSY');
  }

  async function staffQuestion(ctx: ActionContext, questionId: string) {
    const scope = staffScope(ctx);
    const q = await m.HappinessQuestion.findById(questionId).lean<HappinessQuestionDoc>().exec();
    if (!q || !regionCovers(scope, q.regionCode)) throw new AppError('NOT_FOUND');
    return q;
  }

  async function questionView(q: HappinessQuestionDoc): Promise<HappinessQuestionView> {
    const answers = await m.HappinessAnswer.find({ questionId: q._id }).sort({ at: 1 }).lean().exec();
    return {
      id: q._id, year: q.year, version: q.version, programme: q.programme, month: q.month, text: q.text, status: q.status,
      answers: answers.map((a) => ({ text: a.text, at: new Date(a.at).toISOString() })), createdAt: new Date(q.createdAt).toISOString(),
    };
  }
  const staffQuestionView = async (q: HappinessQuestionDoc): Promise<StaffHappinessQuestionView> => ({ ...(await questionView(q)), beneficiaryId: q.userId, nameMasked: q.nameMasked, regionCode: q.regionCode });

  async function feedback(ctx: ActionContext, year: number): Promise<HappinessFeedbackView> {
    const profile = await myKey(ctx);
    const key = profile.idNumberBlindIndex;
    const list = await repo.findList(listId(key, year));
    const confirmed = list ? await m.HappinessFeedback.findById(`confirm:${key}:${year}:${list.version}`).lean().exec() : null;
    const rating = await m.HappinessFeedback.findById(`rating:${key}:${year}`).lean().exec();
    const questions = await m.HappinessQuestion.find({ userId: ctx.actor._id, year }).sort({ createdAt: -1 }).lean<HappinessQuestionDoc[]>().exec();
    return {
      year, confirmedVersion: confirmed ? confirmed.version : null, rating: rating ? { score: rating.score, comment: rating.comment } : null,
      questions: await Promise.all(questions.map(questionView)),
    };
  }

  return {
    toView,
    work,

    async mine(ctx: ActionContext, year: number): Promise<HappinessListView> {
      return toView((await myList(ctx, year)).doc);
    },

    /** The years with a published statement for the signed-in person (newest first, at most 10 `_id` reads). */
    async myYears(ctx: ActionContext) {
      const profile = await deps.profiles.findById(ctx.actor._id);
      if (!profile) return { years: [] };
      const thisYear = Number(new Date(now().getTime() + 8 * 3600_000).toISOString().slice(0, 4));
      const docs = await Promise.all(Array.from({ length: 10 }, (_, i) => repo.findList(listId(profile.idNumberBlindIndex, thisYear - i))));
      return { years: docs.filter((d): d is HappinessListDoc => !!d).map((d) => ({ year: d.year, version: d.version })) };
    },

    async notices(ctx: ActionContext) {
      const profile = await deps.profiles.findById(ctx.actor._id);
      if (!profile) return { notices: [] };
      const docs = await m.HappinessNotice.find({ beneficiaryKey: profile.idNumberBlindIndex }).sort({ createdAt: -1 }).limit(20).lean<HappinessNoticeDoc[]>().exec();
      return { notices: docs.map((n) => ({ id: n._id.split(':').slice(1).join(':'), year: n.year, version: n.version, text: n.text, createdAt: new Date(n.createdAt).toISOString() })) };
    },

    /** Staff read of a person's statement, inside their region only (404 otherwise), audited. Before publishing: a preview. */
    async forStaff(ctx: ActionContext, userId: string, year: number): Promise<HappinessListView> {
      const profile = await deps.profiles.findById(userId);
      if (userId === ctx.actor._id && profile) return toView((await myList(ctx, year)).doc);
      const scope = ctx.actor.roles.includes('staff') ? ctx.actor.staff?.regionCode : undefined;
      if (!scope || !profile || !regionCovers(scope, profile.regionCode)) throw new AppError('NOT_FOUND');
      const key = profile.idNumberBlindIndex;
      let doc = await repo.findList(listId(key, year));
      const published = !!doc;
      if (!doc) {
        const rows = await repo.disbursementsOf(key, year);
        const body = assembleStatement(year, rows);
        doc = { _id: listId(key, year), beneficiaryKey: key, year, version: 1, regionCode: profile.regionCode, nameMasked: maskName(profile.name), idNumberMasked: profile.idNumberMasked, fingerprint: '', body, changes: [], jobId: '', publishedAt: now() };
      }
      await deps.audit.record({ actorId: ctx.actor._id, action: 'happinessList.read', subjectId: userId, requestId: ctx.requestId, details: { year, published, staffRegion: scope } });
      return toView(doc, published);
    },

    async listForPdf(ctx: ActionContext, year: number) {
      const { doc } = await myList(ctx, year);
      return toView(doc);
    },

    async publish(ctx: ActionContext, year: number, regionCode?: string): Promise<LedgerJobView> {
      const scope = staffScope(ctx);
      const region = regionCode ?? scope;
      if (!regionCovers(scope, region)) throw new AppError('NOT_FOUND');
      const id = newJobId('pub');
      await takeLock(region, year, id);
      const at = now();
      const job: LedgerJobDoc = {
        _id: id, kind: 'publish', status: 'queued', regionCode: region, actorId: ctx.actor._id, attempt: 1, checkpoint: 0, counts: emptyCounts(), totalFen: 0, error: null,
        source: '', fileName: '', filePath: '', format: '', encoding: '', amountUnit: 'yuan', sha256: '', size: 0, columns: {}, sameFileAs: null, resumes: null,
        year, period: null, createdAt: at, heartbeatAt: at, finishedAt: null,
      };
      await repo.takeLease(id, 1);
      await repo.createJob(job);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'happinessList.publish', subjectId: '', requestId: ctx.requestId, details: { year, regionCode: region, jobId: id } });
      void runner.start(job, async (j, stop) => {
        try { await work(j, stop); } finally { if (stop()) await m.Lock.deleteOne({ _id: `publish:${region}:${year}`, jobId: id }).exec(); }
      }).then(async () => {
        const after = await repo.findJob(id);
        if (after?.status === 'failed') await m.Lock.deleteOne({ _id: `publish:${region}:${year}`, jobId: id }).exec();
      });
      return toJobView(job);
    },

    async job(ctx: ActionContext, jobId: string): Promise<LedgerJobView> {
      const scope = staffScope(ctx);
      const job = await repo.findJob(jobId);
      if (!job || job.kind === 'import' || !regionCovers(scope, job.regionCode)) throw new AppError('NOT_FOUND');
      return toJobView(job);
    },

    async jobs(ctx: ActionContext, kind: 'publish' | 'paymentRun') {
      const scope = staffScope(ctx);
      return { jobs: (await repo.listJobs(kind, regionPrefix(scope), 30)).map(toJobView) };
    },

    // ---- feedback ----
    feedback,

    async confirm(ctx: ActionContext, year: number, version: number): Promise<HappinessFeedbackView> {
      const { profile, doc } = await myList(ctx, year);
      if (version !== doc.version) throw new AppError('CONFLICT', { message: '清单已有新版本，请刷新后再确认' });
      const key = profile.idNumberBlindIndex;
      const won = await insertWins<HappinessFeedbackDoc>(m.HappinessFeedback, { _id: `confirm:${key}:${year}:${version}`, kind: 'confirm' as const, beneficiaryKey: key, userId: ctx.actor._id, regionCode: doc.regionCode, year, version, score: 0, comment: '', at: now() });
      if (!won) throw new AppError('HAPPINESS_ALREADY_CONFIRMED');
      return feedback(ctx, year);
    },

    async rate(ctx: ActionContext, year: number, score: number, comment = ''): Promise<HappinessFeedbackView> {
      const { profile, doc } = await myList(ctx, year);
      const key = profile.idNumberBlindIndex;
      const _id = `rating:${key}:${year}`;
      await m.HappinessFeedback.replaceOne({ _id }, { _id, kind: 'rating', beneficiaryKey: key, userId: ctx.actor._id, regionCode: doc.regionCode, year, version: doc.version, score, comment: comment.trim(), at: now() }, { upsert: true }).exec();
      return feedback(ctx, year);
    },

    async ask(ctx: ActionContext, year: number, input: { text: string; programme?: string; month?: number }): Promise<HappinessQuestionView> {
      const { profile, doc } = await myList(ctx, year);
      const at = now();
      const q: HappinessQuestionDoc = {
        _id: `q_${randomBytes(12).toString('base64url')}`, beneficiaryKey: profile.idNumberBlindIndex, userId: ctx.actor._id, nameMasked: maskName(profile.name), regionCode: doc.regionCode,
        year, version: doc.version, programme: input.programme ?? '', month: input.month ?? 0, text: input.text.trim(), status: 'open', createdAt: at, updatedAt: at,
      };
      await m.HappinessQuestion.create(q);
      return questionView(q);
    },

    async staffQuestions(ctx: ActionContext, filter: { status?: string; year?: number }): Promise<StaffHappinessQuestionView[]> {
      const scope = staffScope(ctx);
      const docs = await m.HappinessQuestion.find({ regionCode: regionFilter(regionPrefix(scope)), ...(filter.status ? { status: filter.status } : {}), ...(filter.year ? { year: filter.year } : {}) })
        .sort({ createdAt: -1 }).limit(100).lean<HappinessQuestionDoc[]>().exec();
      return Promise.all(docs.map(staffQuestionView));
    },

    async answer(ctx: ActionContext, questionId: string, text: string, close = false): Promise<StaffHappinessQuestionView> {
      const q = await staffQuestion(ctx, questionId);
      if (q.status === 'closed') throw new AppError('HAPPINESS_QUESTION_CLOSED');
      const at = now();
      await m.HappinessAnswer.create({ _id: `${q._id}:${randomBytes(8).toString('base64url')}`, questionId: q._id, staffId: ctx.actor._id, text: text.trim(), at });
      const status = close ? 'closed' : 'answered';
      await m.HappinessQuestion.updateOne({ _id: q._id }, { $set: { status, updatedAt: at } }).exec();
      await deps.audit.record({ actorId: ctx.actor._id, action: 'happinessList.answer', subjectId: q.userId, requestId: ctx.requestId, details: { questionId: q._id, status } });
      return staffQuestionView({ ...q, status, updatedAt: at });
    },

    async stats(ctx: ActionContext, year: number, regionCode?: string): Promise<HappinessStats> {
      const scope = staffScope(ctx);
      const region = regionCode ?? scope;
      if (!regionCovers(scope, region)) throw new AppError('NOT_FOUND');
      const r = regionFilter(regionPrefix(region));
      const [published, confirmations, ratingAgg, openQuestions, answeredQuestions] = await Promise.all([
        m.HappinessList.countDocuments({ year, regionCode: r }).exec(),
        m.HappinessFeedback.countDocuments({ year, regionCode: r, kind: 'confirm' }).exec(),
        // Summed here, not with $group: FerretDB v1.24 computes only the first accumulator of a $group.
        m.HappinessFeedback.find({ year, regionCode: r, kind: 'rating' }, { score: 1 }).lean().exec().then((d) => [{ n: d.length, s: d.reduce((t, x) => t + (x.score ?? 0), 0) }]),
        m.HappinessQuestion.countDocuments({ year, regionCode: r, status: 'open' }).exec(),
        m.HappinessQuestion.countDocuments({ year, regionCode: r, status: { $ne: 'open' } }).exec(),
      ]);
      return { regionCode: region, year, published, confirmations, ratings: ratingAgg[0]?.n ?? 0, ratingSum: ratingAgg[0]?.s ?? 0, openQuestions, answeredQuestions };
    },
  };
}
export type HappinessListService = ReturnType<typeof happinessListService>;
