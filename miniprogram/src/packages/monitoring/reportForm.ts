import { findContactNumbers } from '@dajiuzhu/shared/src/monitoring';
import { isRegionCode } from '@dajiuzhu/shared/src/rules/region';

const CONTACT_WORDS = { phoneNumber: '电话号码', idNumber: '身份证号' } as const;

/**
 * Instant feedback on a 一键求助 / 随手拍 text, before anything is sent: a phone or ID number in it
 * would be shown to staff in the queue (the server refuses it too, MONITORING_TEXT_HAS_CONTACT).
 */
export function contactWarning(text: string): string | null {
  const found = findContactNumbers(text);
  if (found.length === 0) return null;
  return `请删除文字中的${found.map((f) => CONTACT_WORDS[f]).join('和')}：工作人员会通过实名信息联系，不需要在这里填写。`;
}

export const HELP_CATEGORIES = [
  { value: 'medical', label: '看病就医' },
  { value: 'living', label: '基本生活' },
  { value: 'disability', label: '残疾' },
  { value: 'schooling', label: '上学' },
  { value: 'housing', label: '住房' },
  { value: 'other', label: '其他' },
] as const;
export type HelpCategory = (typeof HELP_CATEGORIES)[number]['value'];

/** What still stops a 一键求助 from being sent (null: ready). */
export function helpProblem(text: string): string | null {
  if (text.trim().length < 2) return '请简单说说遇到了什么困难';
  return contactWarning(text);
}

/** What still stops a 随手拍 from being sent (null: ready). */
export function reportProblem(f: { text: string; regionCode: string; address: string }): string | null {
  if (f.text.trim().length < 5) return '请写下看到的情况（至少 5 个字）';
  const contact = contactWarning(f.text) ?? contactWarning(f.address);
  if (contact) return contact;
  if (!isRegionCode(f.regionCode.trim())) return '请填写所在地的行政区划代码（如 371402001）';
  if (f.address.trim().length < 2) return '请写下大致位置，如“某小区3号楼附近”';
  return null;
}
