import type { HappinessQuestionView, StaffHappinessQuestionView } from '@dajiuzhu/shared';
import type { HappinessAnswerDoc, HappinessQuestionDoc } from '../models/ledger';

/** A question with its answers, as the person who asked sees it. */
export function toQuestionView(q: HappinessQuestionDoc, answers: HappinessAnswerDoc[]): HappinessQuestionView {
  return {
    id: q._id, year: q.year, version: q.version, programme: q.programme, month: q.month, text: q.text, status: q.status,
    answers: answers.map((a) => ({ text: a.text, at: new Date(a.at).toISOString() })), createdAt: new Date(q.createdAt).toISOString(),
  };
}

/** The same for staff: who asked (masked name) and where. */
export function toStaffQuestionView(q: HappinessQuestionDoc, answers: HappinessAnswerDoc[]): StaffHappinessQuestionView {
  return { ...toQuestionView(q, answers), beneficiaryId: q.userId, nameMasked: q.nameMasked, regionCode: q.regionCode };
}
