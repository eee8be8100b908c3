import { findIdNumberProblem, ID_NUMBER_PROBLEM_MESSAGES, normalizeIdNumber } from '@dajiuzhu/shared/src/rules/idNumber';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import type { RelativeBody } from '@dajiuzhu/shared';

export interface RelativeDraft { name: string; idNumber: string; relation: string; staffName: string; role: 'staff' | 'villageCadre'; post: string; regionCode: string }
export const emptyRelative = (regionCode: string): RelativeDraft => ({ name: '', idNumber: '', relation: '', staffName: '', role: 'villageCadre', post: '', regionCode });

/** The first thing missing or wrong, in words; null when the form can be sent (the server checks again). */
export function relativeProblem(d: RelativeDraft): string | null {
  if (!d.name.trim()) return '请填写近亲属姓名';
  const id = normalizeIdNumber(d.idNumber);
  const p = findIdNumberProblem(id, shanghaiDate());
  if (p) return ID_NUMBER_PROBLEM_MESSAGES[p];
  if (!d.relation.trim()) return '请填写关系，如 配偶、子女';
  if (!d.staffName.trim() || !d.post.trim()) return '请填写相关工作人员或村（居）干部的姓名和职务';
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(d.regionCode)) return '请填写行政区划代码（6、9 或 12 位）';
  return null;
}

export const relativeBody = (d: RelativeDraft): RelativeBody => ({
  name: d.name.trim(), idNumber: normalizeIdNumber(d.idNumber), relation: d.relation.trim(),
  relatedTo: { name: d.staffName.trim(), role: d.role, post: d.post.trim() }, regionCode: d.regionCode,
});
