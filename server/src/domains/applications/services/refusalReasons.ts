import { programmeName, shanghaiDate, type ApplicationForm, type DecisionLine, type EstimateRequest, type EstimateResponse } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import type { ApplicationDoc } from '../models/application';

/**
 * 复查/异议, the applications side (docs/supervision.md): a refusal explained line by line — the
 * decision, the office's written reasons, the household's counted income against the standard as
 * the policy estimate computes it from the case's own form, and the rule that applied. Only the
 * person (by verified identity) or the account that filed the case may read it; anyone else 404.
 */
export interface ReviewableDecision {
  subjectKind: 'application' | 'autoGrant' | 'recheck';
  subjectId: string;
  programme: string;
  regionCode: string;
  person: { idNumberBlindIndex: string; name: string; idNumberMasked: string; userId: string | null };
  decision: 'rejected' | 'reduced' | 'stopped' | 'autoGranted';
  decidedOn: string;
  lines: DecisionLine[];
  rule: string;
}
export type RefusalDecision = ReviewableDecision;

/** The rule each programme's decision rests on (RULES.md). */
export const PROGRAMME_RULES: Record<string, string> = {
  dibao: '《最低生活保障审核确认办法》（民发〔2021〕57号）：共同生活的家庭成员人均收入低于当地低保标准，且财产状况符合规定的，纳入低保',
  dibaoEdge: '低保边缘家庭：家庭人均收入低于当地低保标准的1.5倍，且财产状况符合规定',
  tekun: '《特困人员认定办法》（民发〔2021〕43号）：无劳动能力、无生活来源、无法定赡养抚养扶养义务人或其无履行能力',
  disabilityLiving: '困难残疾人生活补贴：发给低保家庭中的残疾人（含单人保），按残疾等级和当地标准',
  disabilityCare: '重度残疾人护理补贴：发给一、二级残疾人，按残疾等级和当地标准',
};
const DEFAULT_RULE = '当地社会救助审核确认办法和公布的救助标准';

export function refusalReasons(deps: {
  findApplication: (id: string) => Promise<ApplicationDoc | null>;
  relationTo: (ctx: ActionContext, a: ApplicationDoc) => Promise<'person' | 'filer' | null>;
  readForm: (cipher: string) => ApplicationForm;
  estimate: (request: EstimateRequest) => EstimateResponse;
}) {
  /** What the estimate says about this programme for the household as filed (counted income, standard, result). */
  function computedLines(a: ApplicationDoc, decidedOn: string): DecisionLine[] {
    if (!a.hukou) return [];
    try {
      const form = deps.readForm(a.formCipher);
      const members = (form.members ?? []).map((m) => ({
        age: m.age ?? 40,
        ...(m.canWork !== undefined ? { canWork: m.canWork } : {}),
        ...(m.hasSupporter !== undefined ? { hasSupporter: m.hasSupporter } : {}),
        ...(m.disabilityGrade ? { disabilityGrade: m.disabilityGrade } : {}),
        ...(m.seriousIllness !== undefined ? { seriousIllness: m.seriousIllness } : {}),
        ...(m.childStatus ? { childStatus: m.childStatus } : {}),
        incomes: m.incomes ?? [],
      }));
      if (!members.length) return [];
      const result = deps.estimate({ regionCode: a.regionCode, date: decidedOn, hukou: a.hukou as 'urban' | 'rural', members }).results.find((r) => r.programme === a.programme);
      return (result?.reasons ?? []).map((text) => ({ label: '核算', text }));
    } catch {
      // A region without published standards, or a form the estimate cannot read: the written reasons stand alone.
      return [];
    }
  }

  return {
    async refusalFor(ctx: ActionContext, applicationId: string): Promise<RefusalDecision> {
      const a = await deps.findApplication(applicationId);
      if (!a || !(await deps.relationTo(ctx, a))) throw new AppError('REVIEW_SUBJECT_NOT_FOUND');
      if (a.status !== 'rejected') throw new AppError('REVIEW_NOT_REVIEWABLE');
      const decidedOn = shanghaiDate(a.closedAt ?? a.updatedAt);
      const lines: DecisionLine[] = [
        { label: '决定', text: `${programmeName(a.programme)}申请不予批准（${decidedOn}）` },
        ...(a.decisionReasons ? a.decisionReasons.split(/\n+/).map((t) => t.trim()).filter(Boolean).map((text) => ({ label: '书面理由', text })) : []),
        ...computedLines(a, decidedOn),
      ];
      return {
        subjectKind: 'application', subjectId: a._id, programme: a.programme, regionCode: a.regionCode,
        person: { idNumberBlindIndex: a.applicant.idNumberBlindIndex, name: a.applicant.name, idNumberMasked: a.applicant.idNumberMasked, userId: a.applicant.userId ?? null },
        decision: 'rejected', decidedOn, lines, rule: PROGRAMME_RULES[a.programme] ?? DEFAULT_RULE,
      };
    },
  };
}
export type RefusalReasons = ReturnType<typeof refusalReasons>;
