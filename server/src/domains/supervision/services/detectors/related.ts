import { programmeName, TERMINAL_STATUSES } from '@dajiuzhu/shared';
import type { Detector, FlagCandidate } from './types';

/**
 * 近亲属备案 (民发〔2021〕57号): an application whose applicant is registered as a relative of
 * civil-affairs staff or a village (community) cadre is flagged for the county, which must visit.
 */
export const relatedApplicant: Detector = async (scope, s) => {
  const out: FlagCandidate[] = [];
  for (const r of await s.relativesIn(scope)) {
    for (const a of await s.applicationsOfPerson(r.personKey)) {
      if ((TERMINAL_STATUSES as readonly string[]).includes(a.status) && a.status !== 'approved') continue;
      out.push({
        kind: 'relatedApplicant', regionCode: a.regionCode, period: a.submittedOn,
        subject: { kind: 'application', id: a.id, name: a.applicantName, idNumberMasked: a.idNumberMasked, personKey: r.personKey },
        summary: `${programmeName(a.programme)}申请人是${r.relatedTo.role === 'staff' ? '民政工作人员' : '村（居）委会成员'}的近亲属（${r.relation}），须单独登记备案，县级民政部门入户核查`,
        facts: [{ label: '申请日期', value: a.submittedOn }, { label: '关系', value: r.relation }, { label: '相关人员职务', value: r.relatedTo.post }],
      });
    }
  }
  return out;
};
