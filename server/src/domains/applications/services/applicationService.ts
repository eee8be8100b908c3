import { randomUUID } from 'node:crypto';
import {
  ACTION_LABELS,
  ACTION_ROLES,
  addCalendarDays,
  addMonths,
  addMonthsToDate,
  addWorkingDays,
  allowedActions,
  CHECK_AUTHORIZATION,
  findApplicationProblems,
  findIdNumberProblem,
  formatYuanText,
  programmeName,
  ID_NUMBER_PROBLEM_MESSAGES,
  isTerminal,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizeIdNumber,
  pendingStep,
  PROGRAMME_DEFINITIONS,
  refusalMessage,
  regionCovers,
  regionPrefix,
  shanghaiDate,
  STATUS_LABELS,
  STEP_LABELS,
  transition,
  type ActorRole,
  type ApplicationAction,
  type ApplicationDocument,
  type ApplicationForm,
  type ApplicationMember,
  type ApplicationProgramme,
  type ApplicationStatus,
  type ApplicationSummary,
  type ApplicationView,
  type CalendarIndex,
  type ChainStep,
  type CreateDraftBody,
  type Deadline,
  type DraftView,
  type EntitlementView,
  type MachineContext,
  type MessageView,
  type PublicNoticeEntry,
  type SaveDraftBody,
  type StaffQueueQuery,
  type TimelineEntry,
} from '@dajiuzhu/shared';
import type { ApplicationSettings } from '@dajiuzhu/config/src/applicationChain';
import type { PiiCipher } from '../../../core/crypto/pii';
import { AppError } from '../../../core/errors/AppError';
import type { ApplicationDoc, ApplicationEventDoc, DraftDoc, PersonRef } from '../models/application';
import type { EntitlementDoc } from '../models/entitlement';
import type { ProfileDoc } from '../../../core/models';
import type { ApplicationRepository } from '../repository';
import type { AuditService } from '../../../core/audit/auditService';
import type { FileService } from '../../../core/files/fileService';
import type { ActionContext } from '../../../core/context';
import type { ApplicationNotifier } from './applicationNotifier';

export interface ApplicationServiceDeps {
  repo: ApplicationRepository;
  pii: PiiCipher;
  audit: AuditService;
  files: FileService;
  findProfile(userId: string): Promise<ProfileDoc | null>;
  settings: ApplicationSettings;
  calendar: CalendarIndex;
  notifier: ApplicationNotifier;
  /** Suggested monthly amount from the policy estimate (政策测算), when standards exist for the region. */
  estimateMonthlyFen?(app: { programme: ApplicationProgramme; regionCode: string; hukou: string | null; form: ApplicationForm; date: string }): { monthlyAmountFen: number; reasons: string[] } | null;
  now?: () => Date;
}

/** Every prefix a staff scope can have: a staff queue is an equality match on one of them. */
export function regionKeysOf(code: string): string[] {
  return [...new Set([2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n)))];
}

const eventId = (applicationId: string, sequence: number) => `${applicationId}:${String(sequence).padStart(6, '0')}`;
const openKeyOf = (a: { applicant: PersonRef; programme: string }) => `${a.applicant.idNumberBlindIndex}:${a.programme}`;

/** The stored form holds full ID numbers (encrypted as a whole); views carry masks only. */
type StoredForm = ApplicationForm;

export function applicationService(deps: ApplicationServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const today = () => shanghaiDate(now());
  const { repo, pii, settings, calendar } = deps;

  // ---------- forms ----------

  const readForm = (cipher: string): StoredForm => JSON.parse(pii.decrypt(cipher)) as StoredForm;
  const writeForm = (form: StoredForm) => pii.encrypt(JSON.stringify(form));

  function maskForm(form: StoredForm, applicant: PersonRef): ApplicationForm {
    return {
      ...form,
      members: (form.members ?? []).map((m) => {
        const { idNumber, idNumberMasked: _ignored, ...rest } = m;
        const masked = m.relation === 'self' ? applicant.idNumberMasked : idNumber ? maskIdNumber(idNumber) : undefined;
        return { ...rest, ...(masked ? { idNumberMasked: masked } : {}) };
      }),
    };
  }

  /** Incoming members keep their stored ID number when the client sends only the mask back. */
  function mergeForm(previous: StoredForm, incoming: ApplicationForm): StoredForm {
    const before = new Map((previous.members ?? []).map((m) => [m.key, m]));
    return {
      ...incoming,
      members: (incoming.members ?? []).map((m): ApplicationMember => {
        const { idNumberMasked: _mask, idNumber, ...rest } = m;
        if (m.relation === 'self') return rest;
        const kept = idNumber ? normalizeIdNumber(idNumber) : before.get(m.key)?.idNumber;
        return { ...rest, ...(kept ? { idNumber: kept } : {}) };
      }),
    };
  }

  // ---------- access ----------

  async function myBlindIndex(ctx: ActionContext): Promise<string | null> {
    return (await deps.findProfile(ctx.actor._id))?.idNumberBlindIndex ?? null;
  }

  async function isApplicant(ctx: ActionContext, a: { filedBy: string; applicant: PersonRef }): Promise<boolean> {
    if (a.filedBy === ctx.actor._id) return true;
    return (await myBlindIndex(ctx)) === a.applicant.idNumberBlindIndex;
  }

  function staffScope(ctx: ActionContext): { level: 'township' | 'county'; regionCode: string } {
    const s = ctx.actor.staff;
    if (!s || !ctx.actor.roles.includes('staff')) throw new AppError('FORBIDDEN');
    return s;
  }

  function staffCovers(ctx: ActionContext, regionCode: string): boolean {
    const s = ctx.actor.staff;
    return !!s && ctx.actor.roles.includes('staff') && regionCovers(s.regionCode, regionCode);
  }

  // ---------- loading (with catch-up of a transition whose update did not land) ----------

  async function applyEvent(app: ApplicationDoc, e: ApplicationEventDoc): Promise<ApplicationDoc> {
    const next = { ...app, ...(e.patch as Partial<ApplicationDoc>), sequence: e.sequence };
    // Side effects first, each idempotent (insert wins / delete / set), so a replay completes them.
    if (e.action === 'startPublicNotice' && next.notice) {
      await repo.postNotice({
        _id: `${app._id}:${next.notice.round}`,
        applicationId: app._id,
        programme: app.programme,
        nameMasked: maskName(app.applicant.name),
        householdSize: app.householdSize,
        amountFen: next.proposedAmountFen,
        regionCode: app.regionCode,
        regionKeys: app.regionKeys,
        startsOn: next.notice.startsOn,
        endsOn: next.notice.endsOn,
        active: true,
      });
    }
    if (app.notice && app.status === 'publicNotice' && e.toStatus !== 'publicNotice') await repo.endNotice(`${app._id}:${app.notice.round}`);
    if (e.action === 'approve') {
      const d = e.details as { amountFen: number; startMonth: string; nextRecheckOn: string | null; payment: 'monthly' | 'oneOff' };
      await repo.createEntitlement({
        _id: app._id,
        applicationId: app._id,
        programme: app.programme,
        beneficiary: app.applicant,
        regionCode: app.regionCode,
        regionKeys: app.regionKeys,
        payment: d.payment,
        monthlyAmountFen: d.payment === 'monthly' ? d.amountFen : null,
        oneOffAmountFen: d.payment === 'oneOff' ? d.amountFen : null,
        startMonth: d.startMonth,
        nextRecheckOn: d.nextRecheckOn,
        status: 'active',
        approvedAt: e.at,
        approvedBy: e.actor.userId,
      });
    }
    if (isTerminal(e.toStatus as ApplicationStatus)) await repo.releaseOpen(openKeyOf(app), app._id);
    await repo.setApplication(app._id, { ...e.patch, sequence: e.sequence });
    return next;
  }

  async function load(id: string): Promise<ApplicationDoc | null> {
    let app = await repo.findApplication(id);
    if (!app) return null;
    for (let guard = 0; guard < 100; guard++) {
      const pending = await repo.findEvent(eventId(id, app.sequence + 1));
      if (!pending) break;
      app = await applyEvent(app, pending);
    }
    return app;
  }

  // ---------- deadlines ----------

  function machineContext(a: ApplicationDoc): MachineContext {
    return {
      chain: a.chain as ChainStep[],
      noticeEnded: !!a.notice && today() >= a.notice.endsOn,
      emergency: a.emergency,
      grantedFirst: !!a.grantedFirst,
      extended: !!a.extended,
    };
  }

  /** The deadline of the step the case waits for after entering `status` on `day`. */
  function stepDueFor(status: ApplicationStatus, chain: ChainStep[], day: string, noticeEndsOn: string | null): ApplicationDoc['stepDue'] {
    const step = pendingStep(status, chain);
    if (step === 'homeVisit') return { step, dueOn: addWorkingDays(day, settings.deadlines.homeVisitWithinWorkingDays, calendar) };
    if (step === 'approve') return { step, dueOn: addWorkingDays(status === 'publicNotice' && noticeEndsOn ? noticeEndsOn : day, settings.deadlines.approveWithinWorkingDays, calendar) };
    return null;
  }

  function deadlinesOf(a: ApplicationDoc): { list: Deadline[]; overdue: boolean } {
    if (isTerminal(a.status as ApplicationStatus)) return { list: [], overdue: false };
    const t = today();
    const list: Deadline[] = [];
    if (a.stepDue) list.push({ step: a.stepDue.step, label: `${STEP_LABELS[a.stepDue.step as ChainStep] ?? a.stepDue.step}期限`, dueOn: a.stepDue.dueOn, overdue: t > a.stepDue.dueOn });
    if (a.notice && a.status === 'publicNotice') list.push({ step: 'publicNoticeEnds', label: '公示期结束', dueOn: a.notice.endsOn, overdue: false });
    if (a.overallDueOn) list.push({ step: 'overall', label: a.extended ? '办结期限（已延长）' : '办结期限', dueOn: a.overallDueOn, overdue: t > a.overallDueOn });
    return { list, overdue: list.some((d) => d.overdue) };
  }

  // ---------- views ----------

  function nextStepOf(a: ApplicationDoc): ApplicationView['nextStep'] {
    const step = pendingStep(a.status as ApplicationStatus, a.chain as ChainStep[]);
    if (!step) return null;
    const who = step === 'supplement' ? '申请人' : step === 'approve' ? '县级民政部门' : '乡镇（街道）';
    let label = STEP_LABELS[step];
    if (step === 'supplement') label = `${label}：${a.missingDocuments.join('、')}`;
    if (step === 'approve' && a.status === 'publicNotice' && a.notice) label = `公示期至 ${a.notice.endsOn}，之后由县级民政部门审批`;
    return { step, label, who };
  }

  function entitlementView(e: EntitlementDoc): EntitlementView {
    return {
      id: e._id,
      applicationId: e.applicationId,
      programme: e.programme as ApplicationProgramme,
      programmeName: programmeName(e.programme),
      beneficiaryName: e.beneficiary.name,
      beneficiaryIdNumberMasked: e.beneficiary.idNumberMasked,
      regionCode: e.regionCode,
      payment: e.payment,
      monthlyAmountFen: e.monthlyAmountFen,
      oneOffAmountFen: e.oneOffAmountFen,
      startMonth: e.startMonth,
      nextRecheckOn: e.nextRecheckOn,
      status: e.status,
      approvedAt: e.approvedAt.toISOString(),
    };
  }

  function timelineOf(events: ApplicationEventDoc[], forStaff: boolean): TimelineEntry[] {
    return events.map((e) => {
      const details: Record<string, unknown> = { ...e.details };
      if (forStaff && e.detailsCipher) Object.assign(details, JSON.parse(pii.decrypt(e.detailsCipher)));
      return {
        sequence: e.sequence,
        action: e.action as TimelineEntry['action'],
        label: ACTION_LABELS[e.action as ApplicationAction | 'submit'] ?? e.action,
        fromStatus: (e.fromStatus as ApplicationStatus | null) ?? null,
        toStatus: e.toStatus as ApplicationStatus,
        at: e.at.toISOString(),
        actorRole: e.actor.role,
        note: e.note,
        attachments: forStaff || e.actor.role === 'applicant' ? e.attachments : [],
        details,
      };
    });
  }

  async function view(a: ApplicationDoc, role: ActorRole): Promise<ApplicationView> {
    const [events, entitlement] = await Promise.all([repo.listEvents(a._id), a.status === 'approved' ? repo.findEntitlement(a._id) : null]);
    const { list, overdue } = deadlinesOf(a);
    return {
      id: a._id,
      programme: a.programme as ApplicationProgramme,
      programmeName: programmeName(a.programme),
      status: a.status as ApplicationStatus,
      statusLabel: STATUS_LABELS[a.status as ApplicationStatus],
      sequence: a.sequence,
      chain: a.chain as ChainStep[],
      regionCode: a.regionCode,
      applicantName: a.applicant.name,
      applicantIdNumberMasked: a.applicant.idNumberMasked,
      filedByHelper: !!a.helper,
      helperRelation: a.helper?.relation ?? null,
      householdSize: a.householdSize,
      hukou: (a.hukou as ApplicationView['hukou']) ?? null,
      form: maskForm(readForm(a.formCipher), a.applicant),
      documents: a.documents.map((d) => ({ item: d.item, fileId: d.fileId })),
      consent: { textVersion: a.consent.textVersion, at: new Date(a.consent.at).toISOString() },
      submittedAt: a.submittedAt.toISOString(),
      nextStep: nextStepOf(a),
      deadlines: list,
      overdue,
      emergency: a.emergency,
      grantedFirst: a.grantedFirst ? { at: new Date(a.grantedFirst.at).toISOString(), amountFen: a.grantedFirst.amountFen, paperworkPending: a.grantedFirst.paperworkPending } : null,
      extended: a.extended ? { at: new Date(a.extended.at).toISOString(), reason: a.extended.reason } : null,
      missingDocuments: a.missingDocuments,
      notice: a.notice ? { ...a.notice, ended: today() >= a.notice.endsOn } : null,
      proposedMonthlyAmountFen: a.proposedAmountFen,
      decisionReasons: a.decisionReasons,
      timeline: timelineOf(events, role !== 'applicant'),
      entitlement: entitlement ? entitlementView(entitlement) : null,
      allowedActions: allowedActions(a.status as ApplicationStatus, role, machineContext(a)),
    };
  }

  function summary(a: ApplicationDoc): ApplicationSummary {
    const { list, overdue } = deadlinesOf(a);
    const step = pendingStep(a.status as ApplicationStatus, a.chain as ChainStep[]);
    return {
      id: a._id,
      programme: a.programme as ApplicationProgramme,
      programmeName: programmeName(a.programme),
      status: a.status as ApplicationStatus,
      statusLabel: STATUS_LABELS[a.status as ApplicationStatus],
      regionCode: a.regionCode,
      applicantNameMasked: maskName(a.applicant.name),
      filedByHelper: !!a.helper,
      submittedAt: a.submittedAt.toISOString(),
      nextStep: step ? STEP_LABELS[step] : null,
      dueOn: list.filter((d) => d.step !== 'publicNoticeEnds').map((d) => d.dueOn).sort()[0] ?? null,
      overdue,
      emergency: a.emergency,
      paperworkPending: !!a.grantedFirst?.paperworkPending,
    };
  }

  async function draftView(d: DraftDoc): Promise<DraftView> {
    const form = maskForm(readForm(d.formCipher), d.applicant);
    return {
      id: d._id,
      programme: d.programme as ApplicationProgramme,
      form,
      documents: d.documents.map((x) => ({ item: x.item, fileId: x.fileId })),
      currentStep: d.currentStep,
      consent: d.consent ? { textVersion: d.consent.textVersion, at: new Date(d.consent.at).toISOString() } : null,
      onBehalfOf: d.helper ? { name: d.applicant.name, idNumberMasked: d.applicant.idNumberMasked, ...(d.helper.phoneMasked ? { phoneMasked: d.helper.phoneMasked } : {}), regionCode: d.regionCode, relation: d.helper.relation } : null,
      applicantName: d.applicant.name,
      problems: [
        ...findApplicationProblems(d.programme as ApplicationProgramme, form, d.documents, today()),
        ...(d.consent ? [] : [{ path: '/consent', message: `请阅读并同意《${CHECK_AUTHORIZATION.title}》` }]),
      ],
      submittedApplicationId: d.submittedApplicationId,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  }

  async function ownDraft(ctx: ActionContext, id: string): Promise<DraftDoc> {
    const d = await repo.findDraft(id);
    if (!d || d.ownerId !== ctx.actor._id) throw new AppError('NOT_FOUND');
    return d;
  }

  async function assertDocuments(ctx: ActionContext, documents: readonly ApplicationDocument[]) {
    for (const [i, d] of documents.entries()) {
      try {
        await deps.files.assertOwned(ctx, d.fileId, 'document');
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError('APPLICATION_DOCUMENT_UNUSABLE', { details: { fields: [{ path: `/documents/${i}/fileId`, rule: 'owned' }] } });
        throw err;
      }
    }
  }

  async function waitForApplication(id: string): Promise<ApplicationDoc> {
    for (let i = 0; i < 30; i++) {
      const a = await load(id);
      if (a) return a;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new AppError('APPLICATION_SUBMIT_IN_PROGRESS');
  }

  // ---------- transitions ----------

  interface ActInput { expectedSequence?: number; note?: string }
  interface Effect {
    patch?: Record<string, unknown>;
    details?: Record<string, unknown>;
    secret?: Record<string, unknown>;
    attachments?: string[];
    message?: { title: string; body: string };
  }

  async function act(ctx: ActionContext, role: 'applicant' | 'staff', id: string, action: ApplicationAction, input: ActInput, effect: (a: ApplicationDoc, day: string) => Promise<Effect> | Effect): Promise<ApplicationView> {
    const app = await load(id);
    let actorRole: ActorRole;
    if (role === 'applicant') {
      if (!app || !(await isApplicant(ctx, app))) throw new AppError('NOT_FOUND');
      actorRole = 'applicant';
    } else {
      const scope = staffScope(ctx);
      if (!app || !staffCovers(ctx, app.regionCode)) throw new AppError('NOT_FOUND');
      actorRole = scope.level;
    }
    if (!ACTION_ROLES[action].includes(actorRole)) {
      if (role === 'applicant') throw new AppError('APPLICATION_NOT_APPLICANT');
      const who = ACTION_ROLES[action].map((r) => (r === 'township' ? '乡镇（街道）' : r === 'county' ? '县级民政部门' : '申请人')).join('或');
      throw new AppError('APPLICATION_STEP_LEVEL', { message: `「${ACTION_LABELS[action]}」由${who}办理` });
    }
    if (input.expectedSequence !== undefined && input.expectedSequence !== app.sequence) {
      throw new AppError('APPLICATION_CONFLICT', { details: { currentSequence: app.sequence, status: app.status } });
    }
    const from = app.status as ApplicationStatus;
    const result = transition(from, action, machineContext(app));
    if (!result.ok) throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', { message: refusalMessage(from, action, result.refusal), details: { status: from } });

    const day = today();
    const at = now();
    const fx = await effect(app, day);
    const to = result.to;
    const patch: Record<string, unknown> = { status: to, updatedAt: at, ...(fx.patch ?? {}) };
    if (to !== from) {
      const noticeEndsOn = ((patch.notice as ApplicationDoc['notice']) ?? app.notice)?.endsOn ?? null;
      if (!('stepDue' in patch)) patch.stepDue = isTerminal(to) ? null : stepDueFor(to, app.chain as ChainStep[], day, noticeEndsOn);
      if (isTerminal(to)) patch.closedAt = at;
    }
    const sequence = app.sequence + 1;
    const event: ApplicationEventDoc = {
      _id: eventId(id, sequence),
      applicationId: id,
      sequence,
      action,
      fromStatus: from,
      toStatus: to,
      actor: { userId: ctx.actor._id, role: actorRole, regionCode: ctx.actor.staff?.regionCode ?? null },
      at,
      note: input.note?.trim() ?? '',
      attachments: fx.attachments ?? [],
      details: fx.details ?? {},
      detailsCipher: fx.secret ? pii.encrypt(JSON.stringify(fx.secret)) : null,
      patch,
    };
    // The guard: (application, sequence) is unique. Two staff acting at once → one insert wins.
    if (!(await repo.appendEvent(event))) throw new AppError('APPLICATION_CONFLICT', { details: { status: from } });
    const updated = await applyEvent(app, event);
    const message = fx.message ?? { title: `${ACTION_LABELS[action]}`, body: `您的${programmeName(app.programme)}申请：${STATUS_LABELS[to]}。` };
    await deps.notifier.notify(updated, message, STATUS_LABELS[to]);
    if (role === 'staff') await auditRead(ctx, updated, 'application.act');
    return view(updated, actorRole);
  }

  async function auditRead(ctx: ActionContext, a: ApplicationDoc, fields: string) {
    await deps.audit.record({ actorId: ctx.actor._id, action: 'person.read', subjectId: a.applicant.userId ?? `application:${a._id}`, requestId: ctx.requestId, details: { fields, applicationId: a._id, staffRegion: ctx.actor.staff?.regionCode ?? '' } });
  }


  return {
    // ---------- drafts ----------
    async createDraft(ctx: ActionContext, body: CreateDraftBody): Promise<DraftView> {
      const at = now();
      let applicant: PersonRef;
      let helper: DraftDoc['helper'] = null;
      let regionCode: string;
      let hukou: ApplicationForm['hukou'];
      if (body.onBehalfOf) {
        const o = body.onBehalfOf;
        const idNumber = normalizeIdNumber(o.idNumber);
        const problem = findIdNumberProblem(idNumber, today());
        if (problem) throw new AppError('INVALID_ID_NUMBER', { message: ID_NUMBER_PROBLEM_MESSAGES[problem], details: { fields: [{ path: '/onBehalfOf/idNumber', rule: problem }] } });
        const blind = pii.blindIndex(idNumber);
        applicant = { userId: await repo.userIdForIdNumber(blind), name: o.name.trim(), idNumberCipher: pii.encrypt(idNumber), idNumberMasked: maskIdNumber(idNumber), idNumberBlindIndex: blind };
        helper = { relation: o.relation.trim(), phoneCipher: o.phone ? pii.encrypt(o.phone) : null, phoneMasked: o.phone ? maskPhone(o.phone) : null, regionCode: o.regionCode };
        regionCode = o.regionCode;
      } else {
        const p = await deps.findProfile(ctx.actor._id);
        if (!p) throw new AppError('APPLICATION_PROFILE_REQUIRED');
        applicant = { userId: ctx.actor._id, name: p.name, idNumberCipher: p.idNumberCipher, idNumberMasked: p.idNumberMasked, idNumberBlindIndex: p.idNumberBlindIndex };
        regionCode = p.regionCode;
        hukou = p.hukou;
      }
      const form: StoredForm = { ...(hukou ? { hukou } : {}), members: [{ key: 'self', name: applicant.name, relation: 'self' }] };
      const d: DraftDoc = { _id: randomUUID(), ownerId: ctx.actor._id, programme: body.programme, applicant, helper, regionCode, formCipher: writeForm(form), documents: [], currentStep: 0, consent: null, submittedApplicationId: null, createdAt: at, updatedAt: at };
      await repo.createDraft(d);
      return draftView(d);
    },

    async listDrafts(ctx: ActionContext): Promise<DraftView[]> {
      return Promise.all((await repo.listDrafts(ctx.actor._id)).map(draftView));
    },

    async getDraft(ctx: ActionContext, id: string): Promise<DraftView> {
      return draftView(await ownDraft(ctx, id));
    },

    async saveDraft(ctx: ActionContext, id: string, body: SaveDraftBody): Promise<DraftView> {
      const d = await ownDraft(ctx, id);
      if (d.submittedApplicationId) throw new AppError('APPLICATION_DRAFT_SUBMITTED');
      const documents = body.documents ?? d.documents;
      if (body.documents) await assertDocuments(ctx, body.documents);
      const form = mergeForm(readForm(d.formCipher), body.form);
      const set = { formCipher: writeForm(form), documents: documents.map((x) => ({ item: x.item, fileId: x.fileId })), currentStep: body.currentStep ?? d.currentStep, updatedAt: now() };
      await repo.updateDraft(id, set);
      return draftView({ ...d, ...set });
    },

    async consent(ctx: ActionContext, id: string, textVersion: string): Promise<DraftView> {
      const d = await ownDraft(ctx, id);
      if (d.submittedApplicationId) throw new AppError('APPLICATION_DRAFT_SUBMITTED');
      if (textVersion !== CHECK_AUTHORIZATION.version) throw new AppError('CHECK_AUTHORIZATION_OUTDATED', { details: { currentVersion: CHECK_AUTHORIZATION.version } });
      const set = { consent: { textVersion, at: now() }, updatedAt: now() };
      await repo.updateDraft(id, set);
      return draftView({ ...d, ...set });
    },

    async deleteDraft(ctx: ActionContext, id: string): Promise<void> {
      const d = await ownDraft(ctx, id);
      if (d.submittedApplicationId) throw new AppError('APPLICATION_DRAFT_SUBMITTED');
      await repo.deleteDraft(id, ctx.actor._id);
    },

    // ---------- submit ----------
    /**
     * Idempotent: the (user, idempotency key) pair is a unique key, so a retried submit returns
     * the application the first one created. One open application per person and programme is
     * a second unique key. Anything inserted before a refusal is removed again.
     */
    async submit(ctx: ActionContext, draftId: string, idempotencyKey: string): Promise<{ created: boolean; application: ApplicationView }> {
      const keyId = `${ctx.actor._id}:${idempotencyKey}`;
      const earlier = await repo.findSubmission(keyId);
      if (earlier) return { created: false, application: await view(await waitForApplication(earlier.applicationId), 'applicant') };
      const d = await ownDraft(ctx, draftId);
      if (d.submittedApplicationId) return { created: false, application: await view(await waitForApplication(d.submittedApplicationId), 'applicant') };
      if (!d.consent) throw new AppError('CHECK_AUTHORIZATION_REQUIRED');
      if (d.consent.textVersion !== CHECK_AUTHORIZATION.version) throw new AppError('CHECK_AUTHORIZATION_OUTDATED', { details: { currentVersion: CHECK_AUTHORIZATION.version } });
      const programme = d.programme as ApplicationProgramme;
      const stored = readForm(d.formCipher);
      const problems = findApplicationProblems(programme, maskForm(stored, d.applicant), d.documents, today());
      if (problems.length) throw new AppError('APPLICATION_INCOMPLETE', { details: { fields: problems } });
      await assertDocuments(ctx, d.documents);

      const id = randomUUID();
      const at = now();
      if (!(await repo.claimSubmission({ _id: keyId, applicationId: id, at }))) {
        const winner = await repo.findSubmission(keyId);
        if (!winner) throw new AppError('APPLICATION_SUBMIT_IN_PROGRESS');
        return { created: false, application: await view(await waitForApplication(winner.applicationId), 'applicant') };
      }
      const openKey = `${d.applicant.idNumberBlindIndex}:${programme}`;
      if (!(await repo.claimOpen({ _id: openKey, applicationId: id, at }))) {
        await repo.releaseSubmission(keyId, id);
        throw new AppError('APPLICATION_ALREADY_OPEN');
      }
      // Documents follow the case: staff of its region may read them even when a helper from elsewhere uploaded them.
      for (const doc of d.documents) await deps.files.grantRegion(doc.fileId, d.regionCode);
      const chain = settings.programmes[programme].steps;
      const app: ApplicationDoc = {
        _id: id,
        programme,
        status: 'submitted',
        sequence: 1,
        chain,
        filedBy: ctx.actor._id,
        helper: d.helper,
        applicant: d.applicant,
        regionCode: d.regionCode,
        regionKeys: regionKeysOf(d.regionCode),
        hukou: stored.hukou ?? null,
        householdSize: Math.max(1, stored.members?.length ?? 1),
        formCipher: d.formCipher,
        documents: d.documents,
        consent: d.consent,
        emergency: programme === 'temporary' && stored.temporaryKind === 'emergency',
        submittedAt: at,
        submittedOn: shanghaiDate(at),
        acceptedOn: null,
        stepDue: null,
        overallDueOn: null,
        extended: null,
        grantedFirst: null,
        missingDocuments: [],
        notice: null,
        proposedAmountFen: null,
        decisionReasons: null,
        closedAt: null,
        updatedAt: at,
      };
      const event: ApplicationEventDoc = {
        _id: eventId(id, 1), applicationId: id, sequence: 1, action: 'submit', fromStatus: null, toStatus: 'submitted',
        actor: { userId: ctx.actor._id, role: 'applicant', regionCode: null }, at, note: d.helper ? `由${d.helper.relation}代为申请` : '',
        attachments: d.documents.map((x) => x.fileId), details: { consentVersion: d.consent.textVersion, onBehalf: !!d.helper }, detailsCipher: null, patch: {},
      };
      try {
        await repo.createApplication(app);
        if (!(await repo.appendEvent(event))) throw new Error('event key taken for a new application');
        await repo.updateDraft(d._id, { submittedApplicationId: id, updatedAt: at });
      } catch (err) {
        await repo.deleteEvent(event._id).catch(() => {});
        await repo.deleteApplication(id).catch(() => {});
        await repo.releaseOpen(openKey, id).catch(() => {});
        await repo.releaseSubmission(keyId, id).catch(() => {});
        throw err;
      }
      await deps.notifier.notify(app, { title: '申请已提交', body: `您的${PROGRAMME_DEFINITIONS[programme].name}申请已提交，等待乡镇（街道）受理。` }, STATUS_LABELS.submitted);
      return { created: true, application: await view(app, 'applicant') };
    },

    // ---------- applicant ----------
    async listMine(ctx: ActionContext): Promise<ApplicationSummary[]> {
      const blind = await myBlindIndex(ctx);
      const [filed, about] = await Promise.all([repo.listFiledBy(ctx.actor._id), blind ? repo.listForPerson(blind) : []]);
      const seen = new Map<string, ApplicationDoc>();
      for (const a of [...filed, ...about]) seen.set(a._id, a);
      return [...seen.values()].sort((x, y) => y.submittedAt.getTime() - x.submittedAt.getTime()).map(summary);
    },

    async getMine(ctx: ActionContext, id: string): Promise<ApplicationView> {
      const a = await load(id);
      if (!a || !(await isApplicant(ctx, a))) throw new AppError('NOT_FOUND');
      return view(a, 'applicant');
    },

    withdraw: (ctx: ActionContext, id: string, input: ActInput) =>
      act(ctx, 'applicant', id, 'withdraw', input, (a) => ({ message: { title: '申请已撤回', body: `${programmeName(a.programme)}申请已撤回。如需帮助，可重新申请。` } })),

    supplement: (ctx: ActionContext, id: string, input: ActInput & { documents: ApplicationDocument[] }) =>
      act(ctx, 'applicant', id, 'supplement', input, async (a) => {
        await assertDocuments(ctx, input.documents);
        const documents = [...a.documents, ...input.documents.map((d) => ({ item: d.item, fileId: d.fileId }))];
        return {
          patch: { documents, missingDocuments: [] },
          attachments: input.documents.map((d) => d.fileId),
          details: { items: input.documents.map((d) => d.item) },
          message: { title: '补正材料已提交', body: `${programmeName(a.programme)}申请的补正材料已提交，等待乡镇（街道）受理。` },
        };
      }),

    async myEntitlements(ctx: ActionContext): Promise<EntitlementView[]> {
      const blind = await myBlindIndex(ctx);
      const found = new Map<string, EntitlementDoc>();
      if (blind) for (const e of await repo.listEntitlementsFor(blind)) found.set(e._id, e);
      for (const a of await repo.listFiledBy(ctx.actor._id)) {
        if (a.status === 'approved' && !found.has(a._id)) {
          const e = await repo.findEntitlement(a._id);
          if (e) found.set(e._id, e);
        }
      }
      return [...found.values()].map(entitlementView);
    },

    // ---------- staff ----------
    async queue(ctx: ActionContext, q: StaffQueueQuery): Promise<ApplicationSummary[]> {
      const scope = staffScope(ctx);
      const rows = await repo.listInRegion(regionPrefix(scope.regionCode), { status: q.status, programme: q.programme });
      return rows
        .filter((a) => regionCovers(scope.regionCode, a.regionCode) && (!q.regionCode || regionCovers(q.regionCode, a.regionCode)))
        .map(summary)
        .filter((s) => q.overdue === undefined || s.overdue === q.overdue)
        .slice(0, q.limit ?? 50);
    },

    /** 电子监察: overdue steps and grant-first cases still waiting for their paperwork. */
    async supervision(ctx: ActionContext): Promise<{ overdue: ApplicationSummary[]; paperworkPending: ApplicationSummary[] }> {
      const scope = staffScope(ctx);
      const rows = (await repo.listInRegion(regionPrefix(scope.regionCode), {})).filter((a) => regionCovers(scope.regionCode, a.regionCode)).map(summary);
      return { overdue: rows.filter((s) => s.overdue), paperworkPending: rows.filter((s) => s.paperworkPending) };
    },

    async staffGet(ctx: ActionContext, id: string): Promise<ApplicationView & { estimate: { monthlyAmountFen: number; reasons: string[] } | null }> {
      const scope = staffScope(ctx);
      const a = await load(id);
      if (!a || !staffCovers(ctx, a.regionCode)) throw new AppError('NOT_FOUND');
      await auditRead(ctx, a, 'application');
      const v = await view(a, scope.level);
      let estimate: { monthlyAmountFen: number; reasons: string[] } | null = null;
      try {
        estimate = deps.estimateMonthlyFen?.({ programme: a.programme as ApplicationProgramme, regionCode: a.regionCode, hukou: a.hukou, form: v.form, date: today() }) ?? null;
      } catch {
        estimate = null;
      }
      return { ...v, estimate };
    },

    accept: (ctx: ActionContext, id: string, input: ActInput) =>
      act(ctx, 'staff', id, 'accept', input, (a, day) => {
        const homeVisitDue = a.chain.includes('homeVisit') ? addWorkingDays(day, settings.deadlines.homeVisitWithinWorkingDays, calendar) : null;
        return {
          patch: { acceptedOn: day, overallDueOn: addWorkingDays(day, settings.deadlines.overallWorkingDays, calendar) },
          details: { overallDueOn: addWorkingDays(day, settings.deadlines.overallWorkingDays, calendar), ...(homeVisitDue ? { homeVisitDueOn: homeVisitDue } : {}) },
          message: { title: '申请已受理', body: `${programmeName(a.programme)}申请已受理。${homeVisitDue ? `工作人员将在${homeVisitDue}前入户调查。` : ''}` },
        };
      }),

    requestSupplement: (ctx: ActionContext, id: string, input: ActInput & { missingDocuments: string[] }) =>
      act(ctx, 'staff', id, 'requestSupplement', input, (a) => {
        const missing = [...new Set(input.missingDocuments.map((s) => s.trim()).filter(Boolean))];
        return {
          patch: { missingDocuments: missing },
          details: { missingDocuments: missing },
          message: { title: '请补正申请材料', body: `${programmeName(a.programme)}申请需要补充以下材料：${missing.join('、')}。` },
        };
      }),

    recordHomeVisit: (ctx: ActionContext, id: string, input: ActInput & { visitedOn: string; investigators: string[]; findings: string; photos?: string[] }) =>
      act(ctx, 'staff', id, 'recordHomeVisit', input, async (a, day) => {
        if (input.visitedOn > day || (a.acceptedOn && input.visitedOn < a.acceptedOn)) {
          throw new AppError('VALIDATION_FAILED', { message: '调查日期应在受理之后、今天之前', details: { fields: [{ path: '/visitedOn', rule: 'range' }] } });
        }
        const names = [...new Set(input.investigators.map((s) => s.trim()).filter(Boolean))];
        if (names.length < 2) throw new AppError('VALIDATION_FAILED', { message: '入户调查应由至少两名工作人员进行', details: { fields: [{ path: '/investigators', rule: 'minItems' }] } });
        const photos = input.photos ?? [];
        for (const [i, f] of photos.entries()) {
          try { await deps.files.assertOwned(ctx, f); } catch { throw new AppError('APPLICATION_DOCUMENT_UNUSABLE', { details: { fields: [{ path: `/photos/${i}`, rule: 'owned' }] } }); }
        }
        return {
          details: { visitedOn: input.visitedOn, investigatorCount: names.length, startedInTime: !a.stepDue || input.visitedOn <= a.stepDue.dueOn },
          secret: { investigators: names, findings: input.findings },
          attachments: photos,
          message: { title: '已完成入户调查', body: `${programmeName(a.programme)}申请已完成入户调查，等待乡镇（街道）审核。` },
        };
      }),

    review: (ctx: ActionContext, id: string, input: ActInput & { recommendation: 'approve' | 'reject'; proposedMonthlyAmountFen?: number }) =>
      act(ctx, 'staff', id, 'review', input, (a) => {
        if (input.recommendation === 'approve' && input.proposedMonthlyAmountFen === undefined) throw new AppError('APPLICATION_AMOUNT_REQUIRED', { details: { fields: [{ path: '/proposedMonthlyAmountFen', rule: 'required' }] } });
        return {
          patch: { proposedAmountFen: input.proposedMonthlyAmountFen ?? null },
          details: { recommendation: input.recommendation, ...(input.proposedMonthlyAmountFen !== undefined ? { proposedAmountFen: input.proposedMonthlyAmountFen } : {}) },
          message: { title: '乡镇（街道）已审核', body: `${programmeName(a.programme)}申请已通过乡镇（街道）审核，${a.chain.includes('publicNotice') ? '接下来将进行公示。' : '等待县级民政部门审批。'}` },
        };
      }),

    startPublicNotice: (ctx: ActionContext, id: string, input: ActInput) =>
      act(ctx, 'staff', id, 'startPublicNotice', input, (a, day) => {
        const round = (a.notice?.round ?? 0) + 1;
        const notice = { round, startsOn: day, endsOn: addCalendarDays(day, settings.deadlines.publicNoticeDays) };
        return {
          patch: { notice },
          details: { round, startsOn: notice.startsOn, endsOn: notice.endsOn },
          message: { title: '申请进入公示', body: `${programmeName(a.programme)}申请正在公示，公示期至${notice.endsOn}。公示只显示姓氏、家庭人数、金额和地区。` },
        };
      }),

    raiseObjection: (ctx: ActionContext, id: string, input: ActInput & { note: string }) =>
      act(ctx, 'staff', id, 'raiseObjection', input, (a) => ({
        details: { round: a.notice?.round ?? 0 },
        message: { title: '公示期间收到异议', body: `${programmeName(a.programme)}申请公示期间收到异议，工作人员将重新调查核实，之后重新公示。` },
      })),

    approve: (ctx: ActionContext, id: string, input: ActInput & { amountFen?: number }) =>
      act(ctx, 'staff', id, 'approve', input, (a, day) => {
        const amountFen = input.amountFen ?? a.proposedAmountFen;
        if (amountFen === null || amountFen === undefined) throw new AppError('APPLICATION_AMOUNT_REQUIRED', { details: { fields: [{ path: '/amountFen', rule: 'required' }] } });
        const programme = a.programme as ApplicationProgramme;
        const cfg = settings.programmes[programme];
        const startMonth = cfg.startMonth === 'afterApproval' ? addMonths(day.slice(0, 7), 1) : cfg.startMonth === 'applicationMonth' ? a.submittedOn.slice(0, 7) : day.slice(0, 7);
        const nextRecheckOn = cfg.recheckMonths > 0 ? addMonthsToDate(day, cfg.recheckMonths) : null;
        const payment = PROGRAMME_DEFINITIONS[programme].payment;
        return {
          patch: { ...(a.grantedFirst ? { grantedFirst: { ...a.grantedFirst, paperworkPending: false } } : {}) },
          details: { amountFen, startMonth, nextRecheckOn, payment },
          message: {
            title: '申请已批准',
            body: payment === 'monthly'
              ? `${programmeName(a.programme)}申请已批准，自${startMonth}起每月发放${formatYuanText(amountFen)}。${nextRecheckOn ? `下次复核：${nextRecheckOn}。` : ''}`
              : `${programmeName(a.programme)}申请已批准，一次性发放${formatYuanText(amountFen)}。`,
          },
        };
      }),

    reject: (ctx: ActionContext, id: string, input: ActInput & { reasons: string }) =>
      act(ctx, 'staff', id, 'reject', input, (a) => ({
        patch: { decisionReasons: input.reasons.trim() },
        details: { reasons: input.reasons.trim() },
        message: { title: '申请未获批准', body: `${programmeName(a.programme)}申请未获批准。理由：${input.reasons.trim()}。如有异议，可依法申请行政复议或提起行政诉讼。` },
      })),

    grantFirst: (ctx: ActionContext, id: string, input: ActInput & { amountFen: number }) =>
      act(ctx, 'staff', id, 'grantFirst', input, (a) => ({
        patch: { grantedFirst: { at: now(), amountFen: input.amountFen, paperworkPending: true } },
        details: { amountFen: input.amountFen },
        message: { title: '已先行救助', body: `已先行发放临时救助${formatYuanText(input.amountFen)}，后续手续将继续办理。` },
      })),

    extendDeadline: (ctx: ActionContext, id: string, input: ActInput & { reason: string }) =>
      act(ctx, 'staff', id, 'extendDeadline', input, (a) => {
        const overallDueOn = a.acceptedOn ? addWorkingDays(a.acceptedOn, settings.deadlines.overallExtendedWorkingDays, calendar) : a.overallDueOn;
        return {
          patch: { extended: { at: now(), reason: input.reason.trim() }, overallDueOn },
          details: { reason: input.reason.trim(), overallDueOn },
          message: { title: '办理时限已延长', body: `${programmeName(a.programme)}申请的办理时限延长至${overallDueOn}。原因：${input.reason.trim()}` },
        };
      }),

    // ---------- public ----------
    async publicNotices(regionCode?: string): Promise<PublicNoticeEntry[]> {
      const t = today();
      return (await repo.listActiveNotices(regionCode ? regionPrefix(regionCode) : undefined))
        .filter((n) => !regionCode || regionCovers(regionCode, n.regionCode))
        .filter((n) => n.startsOn <= t)
        .map((n) => ({ id: n._id, programmeName: programmeName(n.programme), nameMasked: n.nameMasked, householdSize: n.householdSize, amountFen: n.amountFen, regionCode: n.regionCode, startsOn: n.startsOn, endsOn: n.endsOn }));
    },

    // ---------- messages ----------
    async messages(ctx: ActionContext): Promise<{ messages: MessageView[]; unread: number }> {
      const list = await repo.listMessages(ctx.actor._id);
      return { messages: list.map((m) => ({ id: m._id, applicationId: m.applicationId, title: m.title, body: m.body, createdAt: m.createdAt.toISOString(), read: m.read })), unread: list.filter((m) => !m.read).length };
    },
    async markRead(ctx: ActionContext, id: string): Promise<void> {
      const r = await repo.markRead(id, ctx.actor._id);
      if (r.matchedCount === 0) throw new AppError('NOT_FOUND');
    },
  };
}
export type ApplicationService = ReturnType<typeof applicationService>;
