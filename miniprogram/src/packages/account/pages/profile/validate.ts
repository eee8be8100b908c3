import type { Hukou, ProfileInput } from '@dajiuzhu/shared';
import { findIdNumberProblem, ID_NUMBER_PROBLEM_MESSAGES, normalizeIdNumber } from '@dajiuzhu/shared/src/rules/idNumber';
import { isMobilePhone } from '@dajiuzhu/shared/src/rules/phone';
import { isRegionCode } from '@dajiuzhu/shared/src/rules/region';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';

export interface ProfileDraft {
  name: string;
  idNumber: string;
  phone: string;
  hukou: Hukou | '';
  regionCode: string;
}

export type ProfileField = keyof ProfileDraft;
export type ProfileErrors = Partial<Record<ProfileField, string>>;

/** Same character set as the shared ProfileInput schema's `name`. */
const NAME_PATTERN = /^[\u3400-\u9fff·•A-Za-z ]+$/;

/** The phone-side check of one field; the server checks again. */
export function checkField(field: ProfileField, draft: ProfileDraft): string | undefined {
  switch (field) {
    case 'name': {
      const name = draft.name.trim();
      if (!name) return '请输入姓名';
      if (name.length < 2 || name.length > 30 || !NAME_PATTERN.test(name)) return '姓名应为2到30个汉字或字母';
      return undefined;
    }
    case 'idNumber': {
      if (!draft.idNumber.trim()) return '请输入身份证号';
      const problem = findIdNumberProblem(draft.idNumber, shanghaiDate());
      return problem ? ID_NUMBER_PROBLEM_MESSAGES[problem] : undefined;
    }
    case 'phone':
      if (!draft.phone.trim()) return '请输入手机号';
      return isMobilePhone(draft.phone.trim()) ? undefined : '请输入11位手机号码';
    case 'hukou':
      return draft.hukou ? undefined : '请选择户籍类型';
    case 'regionCode':
      if (!draft.regionCode.trim()) return '请输入或选择所在地区';
      return isRegionCode(draft.regionCode.trim()) ? undefined : '行政区划代码应为6位、9位或12位数字';
    default:
      return undefined;
  }
}

export const PROFILE_FIELDS: ProfileField[] = ['name', 'idNumber', 'phone', 'hukou', 'regionCode'];

export function checkAll(draft: ProfileDraft): ProfileErrors {
  const errors: ProfileErrors = {};
  for (const f of PROFILE_FIELDS) {
    const e = checkField(f, draft);
    if (e) errors[f] = e;
  }
  return errors;
}

export function toProfileInput(draft: ProfileDraft): ProfileInput {
  return {
    name: draft.name.trim(),
    idNumber: normalizeIdNumber(draft.idNumber),
    phone: draft.phone.trim(),
    hukou: draft.hukou as Hukou,
    regionCode: draft.regionCode.trim(),
  };
}

export const DEMO_REGIONS: { code: string; name: string }[] = [
  { code: '371402001', name: '德州市德城区新华街道' },
  { code: '371400', name: '德州市' },
  { code: '371500', name: '聊城市' },
  { code: '371502', name: '聊城市东昌府区' },
];
