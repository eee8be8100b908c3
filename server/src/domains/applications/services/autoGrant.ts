import { randomUUID } from 'node:crypto';
import { addMonths, findIdNumberProblem, formatYuanText, ID_NUMBER_PROBLEM_MESSAGES, maskIdNumber, maskName, normalizeIdNumber, monthlyRateFen, programmeName, shanghaiDate, shanghaiMonth, type AutoGrantBody, type AutoGrantView, type PersonRate, type StandardsInEffect } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import type { PiiCipher } from '../../../core/crypto/pii';
import { AppError } from '../../../core/errors/AppError';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import type { EntitlementDoc } from '../models/entitlement';
import type { AppMessageDoc } from '../models/message';
import { PROGRAMME_RULES, type ReviewableDecision } from './refusalReasons';

/**
 * 免审秒办 (docs/supervision.md): a disability subsidy granted from the disability federation's
 * data (残联) without an application. A grade 1–2 certificate → 重度残疾人护理补贴; a disabled member
 * of a 低保/特困/低保边缘 household → 困难残疾人生活补贴, at the region's published rate. The
 * entitlement's `_id` is `auto:<blind index>:<programme>`: one grant per person and programme
 * however often the data comes (insert wins); someone already receiving the subsidy (from an
 * application or an earlier grant) gets 409 and nothing changes. The person is told in the app,
 * with how to correct (a review request) or decline (which ends it).
 */
export const AUTO_GRANT_PROGRAMMES = ['disabilityCare', 'disabilityLiving'] as const;
export type AutoGrantProgramme = (typeof AUTO_GRANT_PROGRAMMES)[number];
export type HouseholdGroup = 'dibao' | 'tekun' | 'dibaoEdge' | 'none';
const GRADE = ['', '一', '二', '三', '四'];
const GROUP_NAMES: Record<HouseholdGroup, string> = { dibao: '低保家庭', tekun: '特困人员', dibaoEdge: '低保边缘家庭', none: '' };

export interface AutoGrantInput {
  person: { idNumberBlindIndex: string; name: string; idNumberMasked: string; idNumberCipher: string; regionCode: string };
  programme: AutoGrantProgramme;
  disabilityGrade: number;
  certificateDate: string;
  householdGroup: HouseholdGroup;
  /** Where the fact came from: a stored 残联 row, or staff keying a record by hand. */
  source: { kind: 'disabilityRecord' | 'staffEntry'; ref: string };
}
export interface AutoGrantResult { grantId: string; created: boolean }

/** Which subsidies a 残联 record gives, from the record alone (the grant itself checks again). */
export function autoGrantProgrammesFor(grade: number, group: HouseholdGroup): AutoGrantProgramme[] {
  const out: AutoGrantProgramme[] = [];
  if (grade === 1 || grade === 2) out.push('disabilityCare');
  if (grade >= 1 && grade <= 4 && group !== 'none') out.push('disabilityLiving');
  return out;
}

function rateFor(standards: StandardsInEffect | undefined, programme: AutoGrantProgramme, grade: number): PersonRate | undefined {
  const r = standards?.rates;
  if (programme === 'disabilityCare') return grade === 1 ? r?.disabilityCare?.grade1 : grade === 2 ? r?.disabilityCare?.grade2 : undefined;
  return grade <= 2 ? r?.disabilityLiving?.grade1to2 : r?.disabilityLiving?.grade3to4;
}

const basisOf = (grade: number, certificateDate: string, group: HouseholdGroup) =>
  `残联数据：${GRADE[grade] ?? grade}级残疾人证（${certificateDate}发证）${GROUP_NAMES[group] ? `；${GROUP_NAMES[group]}` : ''}`;

export const autoGrantIdOf = (blindIndex: string, programme: string) => `auto:${blindIndex}:${programme}`;
export const isAutoGrantId = (id: string) => id.startsWith('auto:');

export function autoGrantService(deps: {
  createEntitlement: (e: EntitlementDoc) => Promise<boolean>;
  findEntitlement: (id: string) => Promise<EntitlementDoc | null>;
  entitlementsOf: (blindIndex: string) => Promise<EntitlementDoc[]>;
  streamEntitlements: (scope: string, activeOnly: boolean) => AsyncIterable<EntitlementDoc>;
  endEntitlement: (id: string, fromMonth: string, reasons: string[], actorId: string, requestId: string) => Promise<void>;
  addMessage: (m: AppMessageDoc) => Promise<unknown>;
  personAccount: (blindIndex: string) => Promise<string | null>;
  verifiedBlindIndexOf: (userId: string) => Promise<string | null>;
  standardsFor: (regionCode: string, date: string) => StandardsInEffect | undefined;
  audit: AuditService;
  pii: Pick<PiiCipher, 'blindIndex' | 'encrypt'>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const view = (e: EntitlementDoc, basis: string): AutoGrantView => ({
    id: e._id, programme: e.programme as AutoGrantProgramme, programmeName: programmeName(e.programme), nameMasked: maskName(e.beneficiary.name),
    idNumberMasked: e.beneficiary.idNumberMasked, regionCode: e.regionCode, monthlyAmountFen: e.monthlyAmountFen ?? 0, startMonth: e.startMonth,
    // A grant with an end set (declined, stopped) shows as ended at once: nothing is paid from its end month.
    status: e.status === 'ended' || !!e.endFromMonth ? 'ended' : 'active', basis, grantedAt: e.approvedAt.toISOString(),
  });
  const basisOfDoc = (e: EntitlementDoc) => e.approvedBy.startsWith('autoGrant|') ? e.approvedBy.split('|')[2] ?? '' : '';

  /**
   * Grants one subsidy (see the module comment). `actorId` is the staff member who keyed the record,
   * or `system:<import id>` for an imported 残联 row.
   */
  async function grantWithoutApplication(actor: { actorId: string; requestId: string }, input: AutoGrantInput): Promise<AutoGrantResult> {
    const { person, programme, disabilityGrade: grade } = input;
    if (!autoGrantProgrammesFor(grade, input.householdGroup).includes(programme)) throw new AppError('AUTO_GRANT_NOT_ELIGIBLE');
    const today = shanghaiDate(now());
    const rate = rateFor(deps.standardsFor(person.regionCode, today), programme, grade);
    if (!rate) throw new AppError('AUTO_GRANT_NO_STANDARD');
    const mine = await deps.entitlementsOf(person.idNumberBlindIndex);
    // Already receiving it, from an application or an earlier grant: nothing changes.
    if (mine.some((e) => e.programme === programme && e.status === 'active' && !(e.endFromMonth && e.endFromMonth <= shanghaiMonth(now())))) throw new AppError('AUTO_GRANT_ALREADY_RECEIVING');
    const id = autoGrantIdOf(person.idNumberBlindIndex, programme);
    const amountFen = monthlyRateFen(rate);
    // Paid from the month of the grant, as the disability subsidies applied for are (config: startMonth 'applicationMonth').
    const startMonth = shanghaiMonth(now());
    const userId = await deps.personAccount(person.idNumberBlindIndex);
    const cipher = person.idNumberCipher || mine.find((e) => e.beneficiary.idNumberCipher)?.beneficiary.idNumberCipher || '';
    const basis = basisOf(grade, input.certificateDate, input.householdGroup);
    const doc: EntitlementDoc = {
      _id: id, applicationId: id, programme, beneficiary: { userId, name: person.name, idNumberCipher: cipher, idNumberMasked: person.idNumberMasked, idNumberBlindIndex: person.idNumberBlindIndex },
      regionCode: person.regionCode, payment: 'monthly', monthlyAmountFen: amountFen, oneOffAmountFen: null, startMonth, nextRecheckOn: null, status: 'active', approvedAt: now(),
      // Who and on what basis, kept on the one field every entitlement has (no application to point to).
      approvedBy: `autoGrant|${actor.actorId}|${basis}`,
    };
    // A grant declined or ended before is not made again from the same data: the key is taken.
    if (!(await deps.createEntitlement(doc))) throw new AppError('AUTO_GRANT_ALREADY_RECEIVING');
    await deps.audit.record({ actorId: actor.actorId, action: 'autoGrant.create', subjectId: person.idNumberBlindIndex, requestId: actor.requestId, details: { grantId: id, programme, amountFen, source: `${input.source.kind}:${input.source.ref}` } });
    if (userId) {
      await deps.addMessage({
        _id: randomUUID(), userId, applicationId: null, createdAt: now(), read: false,
        title: `免审秒办：已为您办理${programmeName(programme)}`,
        body: `根据${basis}，您符合${programmeName(programme)}的条件，无需申请，自${startMonth}起每月发放${formatYuanText(amountFen)}。`
          + '如信息有误，可在“我的—电子救助卡/免审秒办”中申请更正；如不需要，也可以选择放弃，放弃后停止发放。',
      });
    }
    return { grantId: id, created: true };
  }

  /**
   * A 残联 row as it arrives (monitoring's import): every subsidy it gives, each granted or not with
   * the reason — already receiving, or no published standard — never an error for the whole row.
   */
  async function grantFromDisabilityRecord(actor: { actorId: string; requestId: string }, input: Omit<AutoGrantInput, 'programme'>): Promise<{ programme: AutoGrantProgramme; outcome: 'granted' | 'alreadyReceiving' | 'noStandard' }[]> {
    const out: { programme: AutoGrantProgramme; outcome: 'granted' | 'alreadyReceiving' | 'noStandard' }[] = [];
    for (const programme of autoGrantProgrammesFor(input.disabilityGrade, input.householdGroup)) {
      try {
        await grantWithoutApplication(actor, { ...input, programme });
        out.push({ programme, outcome: 'granted' });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        out.push({ programme, outcome: err.code === 'AUTO_GRANT_NO_STANDARD' ? 'noStandard' : 'alreadyReceiving' });
      }
    }
    return out;
  }

  return {
    grantWithoutApplication,
    grantFromDisabilityRecord,

    /** Staff key in a 残联 record (the import does the same per row): inside their region; 409 when already receiving. */
    async grantByStaff(ctx: ActionContext, b: AutoGrantBody): Promise<AutoGrantView> {
      requireStaffCovering(ctx.actor, b.regionCode);
      const idNumber = normalizeIdNumber(b.idNumber);
      const problem = findIdNumberProblem(idNumber);
      if (problem) throw new AppError('INVALID_ID_NUMBER', { message: ID_NUMBER_PROBLEM_MESSAGES[problem], details: { fields: [{ path: '/idNumber', rule: problem }] } });
      const person = { idNumberBlindIndex: deps.pii.blindIndex(idNumber), name: b.name.trim(), idNumberMasked: maskIdNumber(idNumber), idNumberCipher: deps.pii.encrypt(idNumber), regionCode: b.regionCode };
      const r = await grantWithoutApplication({ actorId: ctx.actor._id, requestId: ctx.requestId }, {
        person, programme: b.programme, disabilityGrade: b.disabilityGrade, certificateDate: b.certificateDate, householdGroup: b.householdGroup, source: { kind: 'staffEntry', ref: ctx.requestId },
      });
      const e = await deps.findEntitlement(r.grantId);
      return view(e!, basisOfDoc(e!));
    },

    /** What was granted without an application inside the staff member's region (names masked), audited. */
    async listForStaff(ctx: ActionContext, regionCode?: string): Promise<{ grants: AutoGrantView[] }> {
      const scope = regionCode ?? requireStaff(ctx.actor).regionCode;
      requireStaffCovering(ctx.actor, scope);
      const out: EntitlementDoc[] = [];
      for await (const e of deps.streamEntitlements(scope, false)) {
        if (isAutoGrantId(e._id)) out.push(e);
        if (out.length >= 500) break;
      }
      out.sort((a, b) => b.approvedAt.getTime() - a.approvedAt.getTime() || a._id.localeCompare(b._id));
      await deps.audit.record({ actorId: ctx.actor._id, action: 'autoGrant.list', requestId: ctx.requestId, details: { regionCode: scope, rows: out.length, subjectKeys: out.map((e) => e.beneficiary.idNumberBlindIndex).join(',') } });
      return { grants: out.map((e) => view(e, basisOfDoc(e))) };
    },

    /** The person's own grants (through their verified identity). */
    async mine(ctx: ActionContext): Promise<{ grants: AutoGrantView[] }> {
      const blind = await deps.verifiedBlindIndexOf(ctx.actor._id);
      if (!blind) return { grants: [] };
      return { grants: (await deps.entitlementsOf(blind)).filter((e) => isAutoGrantId(e._id)).map((e) => view(e, basisOfDoc(e))) };
    },

    /** The grant as a decision the person may ask to correct (复查/异议, subject kind `autoGrant`): only its own person. */
    async decisionFor(ctx: ActionContext, grantId: string): Promise<ReviewableDecision> {
      const blind = await deps.verifiedBlindIndexOf(ctx.actor._id);
      const e = await deps.findEntitlement(grantId);
      if (!blind || !e || !isAutoGrantId(e._id) || e.beneficiary.idNumberBlindIndex !== blind) throw new AppError('REVIEW_SUBJECT_NOT_FOUND');
      return {
        subjectKind: 'autoGrant', subjectId: e._id, programme: e.programme, regionCode: e.regionCode,
        person: { idNumberBlindIndex: blind, name: e.beneficiary.name, idNumberMasked: e.beneficiary.idNumberMasked, userId: ctx.actor._id },
        decision: 'autoGranted', decidedOn: shanghaiDate(e.approvedAt),
        lines: [
          { label: '决定', text: `免审办理${programmeName(e.programme)}，自${e.startMonth}起每月${formatYuanText(e.monthlyAmountFen)}` },
          { label: '依据', text: basisOfDoc(e) || '残联数据' },
        ],
        rule: PROGRAMME_RULES[e.programme] ?? '',
      };
    },

    /** 放弃: the person declines; the grant ends from next month (nothing more is paid). Twice: 409. */
    async decline(ctx: ActionContext, grantId: string, note: string | undefined): Promise<AutoGrantView> {
      const blind = await deps.verifiedBlindIndexOf(ctx.actor._id);
      const e = await deps.findEntitlement(grantId);
      if (!blind || !e || !isAutoGrantId(e._id) || e.beneficiary.idNumberBlindIndex !== blind) throw new AppError('NOT_FOUND');
      if (view(e, '').status === 'ended') throw new AppError('AUTO_GRANT_ENDED');
      const fromMonth = addMonths(shanghaiMonth(now()), 1) > e.startMonth ? addMonths(shanghaiMonth(now()), 1) : e.startMonth;
      await deps.endEntitlement(e._id, fromMonth, [`本人放弃${programmeName(e.programme)}${note ? `：${note.trim()}` : ''}`], ctx.actor._id, ctx.requestId);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'autoGrant.decline', subjectId: blind, requestId: ctx.requestId, details: { grantId, fromMonth } });
      const after = await deps.findEntitlement(grantId);
      return view(after!, basisOfDoc(after!));
    },
  };
}
export type AutoGrantService = ReturnType<typeof autoGrantService>;
