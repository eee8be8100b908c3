import { amountInForce, shanghaiMonth, type AmountVersion, type PaymentTerms } from '@dajiuzhu/shared';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError, isDuplicateKey } from '../../../core/errors/AppError';
import type { AmountVersionDoc, EntitlementChangeDoc, EntitlementDoc, EntitlementRecord, EntitlementVersionStore } from '../models/entitlement';
import type { AppMessageDoc } from '../models/message';
import type { ApplicationRepository } from '../repository';

/**
 * The amount history of an entitlement: the stored versions, or — on a document written before
 * versions existed, or a one-off grant — the one version its approval implies (no migration).
 */
export function amountVersionsOf(e: EntitlementDoc): AmountVersion[] {
  const stored = (e.amounts ?? []).map((v) => ({ fromMonth: v.fromMonth, monthlyAmountFen: v.monthlyAmountFen, decidedAt: v.decidedAt }));
  if (stored.length) return stored;
  return e.payment === 'monthly' && e.monthlyAmountFen !== null ? [{ fromMonth: e.startMonth, monthlyAmountFen: e.monthlyAmountFen, decidedAt: e.approvedAt.toISOString() }] : [];
}

/** What the payment run needs to know (shared paymentFor). */
export function paymentTermsOf(e: EntitlementDoc): PaymentTerms {
  return {
    payment: e.payment, startMonth: e.startMonth, amounts: amountVersionsOf(e), oneOffAmountFen: e.oneOffAmountFen,
    // An entitlement ended before versions existed (status only) pays nothing.
    endFromMonth: e.endFromMonth ?? (e.status === 'ended' ? e.startMonth : null), suspendedFromMonth: e.suspendedFromMonth ?? null,
  };
}

/** Ended when its end month has come (a stop whose 渐退期 still runs is still active). */
export function effectiveStatus(e: EntitlementDoc, month = shanghaiMonth()): 'active' | 'ended' {
  return e.status === 'ended' || (!!e.endFromMonth && e.endFromMonth <= month) ? 'ended' : 'active';
}

export function toRecord(e: EntitlementDoc): EntitlementRecord {
  const terms = paymentTermsOf(e);
  const month = shanghaiMonth();
  return {
    id: e._id,
    applicationId: e.applicationId,
    programme: e.programme,
    beneficiary: { idNumberBlindIndex: e.beneficiary.idNumberBlindIndex, idNumberMasked: e.beneficiary.idNumberMasked, name: e.beneficiary.name, userId: e.beneficiary.userId ?? null },
    regionCode: e.regionCode,
    payment: e.payment,
    // The amount in force this month (the first version's before the start); the history is in `terms`.
    monthlyAmountFen: e.payment === 'monthly' ? amountInForce(terms.amounts, month < e.startMonth ? e.startMonth : month) ?? e.monthlyAmountFen : e.monthlyAmountFen,
    oneOffAmountFen: e.oneOffAmountFen,
    startMonth: e.startMonth,
    status: effectiveStatus(e, month),
    nextRecheckOn: e.nextRecheckOn,
    terms,
    endReasons: e.endReasons ?? [],
    suspensionReasons: e.suspensionReasons ?? [],
  };
}

/** Who makes a change: a staff member's request, or a job / department data (`actorId` "system:…"). */
export interface ChangeActor { actorId: string; requestId: string }
/** The in-app message the person receives with a change (once per change). */
export interface PersonMessage { title: string; body: string }

interface ChangeBase { id: string; key: string; message?: PersonMessage }
export interface AdjustInput extends ChangeBase { fromMonth: string; monthlyAmountFen: number; reason: string; nextRecheckOn?: string | null }
export interface EndInput extends ChangeBase { fromMonth: string; reasons: string[] }
export interface SuspendInput extends ChangeBase { fromMonth: string; reasons: string[] }
export interface NextRecheckInput { id: string; key: string; nextRecheckOn: string }

const earlier = (a: string | null | undefined, b: string) => (a && a < b ? a : b);

/**
 * Entitlement versions (待遇变更; docs/recheck.md): every change is first stored under
 * `<entitlementId>:<key>` (insert wins: a retried change is the same change; a key reused for a
 * different kind of change is 409), audited once, then applied — and applying is idempotent
 * (`$addToSet` of the stored version, `$set` of stored values), so a change whose writer stopped
 * half-way is completed by the retry. Ends and suspensions keep the earliest month given.
 */
export function entitlementChanges(deps: {
  store: EntitlementVersionStore;
  repo: Pick<ApplicationRepository, 'listEntitlementsFor' | 'listFiledBy' | 'findEntitlement' | 'addMessage'>;
  audit: AuditService;
  personAccount(blindIndex: string): Promise<string | null>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  async function load(id: string): Promise<EntitlementDoc> {
    const e = await deps.store.findEntitlement(id);
    if (!e) throw new AppError('RECHECK_ENTITLEMENT_NOT_FOUND');
    return e;
  }

  /** Stores the change once; returns the stored one (a retry's first attempt, when it was first). */
  async function claim(by: ChangeActor, e: EntitlementDoc, key: string, change: Pick<EntitlementChangeDoc, 'kind' | 'version' | 'fromMonth' | 'reasons' | 'nextRecheckOn'>): Promise<EntitlementChangeDoc> {
    const doc: EntitlementChangeDoc = { _id: `${e._id}:${key}`, entitlementId: e._id, ...change, actorId: by.actorId, requestId: by.requestId, at: now() };
    if (await deps.store.claimChange(doc)) {
      await deps.audit.record({
        actorId: by.actorId, action: `entitlement.${change.kind}`, requestId: by.requestId, subjectId: e.beneficiary.userId ?? `entitlement:${e._id}`,
        details: { entitlementId: e._id, key, fromMonth: change.fromMonth ?? '', amountFen: change.version?.monthlyAmountFen ?? -1, reasons: change.reasons.join('；') },
      });
      return doc;
    }
    const prior = await deps.store.findChange(doc._id);
    if (!prior || prior.kind !== change.kind) throw new AppError('RECHECK_CHANGE_KEY_REUSED');
    return prior;
  }

  /** The person's message, once per change (`_id` from the change; a duplicate is the message already sent). */
  async function tell(e: EntitlementDoc, change: EntitlementChangeDoc, message?: PersonMessage) {
    if (!message) return;
    const userId = await deps.personAccount(e.beneficiary.idNumberBlindIndex).catch(() => null);
    if (!userId) return;
    const msg: AppMessageDoc = { _id: `ent:${change._id}`, userId, applicationId: e.applicationId, title: message.title, body: message.body, createdAt: change.at, read: false };
    await deps.repo.addMessage(msg).catch((err: unknown) => { if (!isDuplicateKey(err)) throw err; });
  }

  const reread = async (id: string) => toRecord(await load(id));

  return {
    /** A new amount from `fromMonth` on (复核 调整). Not before the start; not on an entitlement ended by then. */
    async adjustEntitlement(by: ChangeActor, input: AdjustInput): Promise<EntitlementRecord> {
      const e = await load(input.id);
      if (e.payment !== 'monthly') throw new AppError('RECHECK_DECISION_INVALID');
      if (input.fromMonth < e.startMonth) throw new AppError('RECHECK_FROM_MONTH_INVALID');
      if (e.endFromMonth && e.endFromMonth <= input.fromMonth) throw new AppError('RECHECK_ENTITLEMENT_ENDED');
      const version: AmountVersionDoc = { fromMonth: input.fromMonth, monthlyAmountFen: input.monthlyAmountFen, decidedAt: now().toISOString(), reason: input.reason, ref: input.key };
      const change = await claim(by, e, input.key, { kind: 'adjust', version, fromMonth: input.fromMonth, reasons: [input.reason], nextRecheckOn: input.nextRecheckOn ?? null });
      // A document without history gets its approval as the first version, computed from the approval alone, so two first changes add the same one.
      const base: AmountVersionDoc[] = e.amounts?.length || e.monthlyAmountFen === null ? [] : [{ fromMonth: e.startMonth, monthlyAmountFen: e.monthlyAmountFen, decidedAt: e.approvedAt.toISOString(), reason: '批准', ref: 'approval' }];
      await deps.store.addVersions(e._id, [...base, change.version!], change.nextRecheckOn ? { nextRecheckOn: change.nextRecheckOn } : {});
      await tell(e, change, input.message);
      return reread(e._id);
    },

    /** Nothing is paid from `fromMonth` on (退出; a 渐退期 is an end some months ahead). */
    async endEntitlement(by: ChangeActor, input: EndInput): Promise<EntitlementRecord> {
      const e = await load(input.id);
      if (input.fromMonth < e.startMonth && e.payment === 'monthly') throw new AppError('RECHECK_FROM_MONTH_INVALID');
      const change = await claim(by, e, input.key, { kind: 'end', version: null, fromMonth: input.fromMonth, reasons: input.reasons, nextRecheckOn: null });
      const endFromMonth = earlier(e.endFromMonth, change.fromMonth!);
      await deps.store.setFields(e._id, {
        endFromMonth, endReasons: change.reasons, nextRecheckOn: null,
        // Ended at once when its end month has already come; otherwise readers see it end when it does.
        ...(endFromMonth <= shanghaiMonth(now()) ? { status: 'ended' as const } : {}),
      });
      await tell(e, change, input.message);
      return reread(e._id);
    },

    /** Payment held from `fromMonth` on (a death reported): the next payment run pays nothing. */
    async suspendPayments(by: ChangeActor, input: SuspendInput): Promise<EntitlementRecord> {
      const e = await load(input.id);
      const change = await claim(by, e, input.key, { kind: 'suspend', version: null, fromMonth: input.fromMonth, reasons: input.reasons, nextRecheckOn: null });
      await deps.store.setFields(e._id, { suspendedFromMonth: earlier(e.suspendedFromMonth, change.fromMonth!), suspensionReasons: change.reasons });
      await tell(e, change, input.message);
      return reread(e._id);
    },

    /** The date of the next scheduled recheck (a recheck that continued the aid). */
    async setNextRecheck(by: ChangeActor, input: NextRecheckInput): Promise<EntitlementRecord> {
      const e = await load(input.id);
      const change = await claim(by, e, input.key, { kind: 'nextRecheck', version: null, fromMonth: null, reasons: [], nextRecheckOn: input.nextRecheckOn });
      await deps.store.setFields(e._id, { nextRecheckOn: change.nextRecheckOn });
      return reread(e._id);
    },

    async entitlement(id: string): Promise<EntitlementRecord | null> {
      const e = await deps.store.findEntitlement(id);
      return e ? toRecord(e) : null;
    },
    /** A person's entitlements, by the blind index of their ID number (at most 100). */
    async entitlementsOf(blindIndex: string): Promise<EntitlementRecord[]> {
      return (await deps.repo.listEntitlementsFor(blindIndex)).map(toRecord);
    },
    /** Entitlements of the cases a helper filed (the entitlement's `_id` is its application's). */
    async entitlementsFiledBy(userId: string): Promise<EntitlementRecord[]> {
      const apps = (await deps.repo.listFiledBy(userId)).filter((a) => a.status === 'approved');
      const found = await Promise.all(apps.map((a) => deps.repo.findEntitlement(a._id)));
      return found.filter((e): e is EntitlementDoc => !!e).map(toRecord);
    },
    async *dueForRecheck(day: string): AsyncIterable<EntitlementRecord> {
      for await (const e of deps.store.dueForRecheck(day)) yield toRecord(e);
    },
  };
}
export type EntitlementChanges = ReturnType<typeof entitlementChanges>;
