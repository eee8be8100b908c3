import type { EstimateResult } from '../schemas/policy';
import type { Household } from './household';
import { describeRate, floorNote } from './rates';

/**
 * 取暖补贴: once per winter per household receiving dibao or with a tekun member supported at home
 * (the estimate is for people living at home, so tekun here means home-based).
 */
export function assessHeating(h: Household, dibaoRecipients: number[], tekun: number[]): EstimateResult {
  const rate = h.standards.rates.heating?.[h.request.hukou];
  if (!rate) return { programme: 'heating', eligible: false, noStandard: true, reasons: [`${h.region}暂无${h.hukouLabel}取暖补贴标准数据，无法测算该项目`] };
  const standard = describeRate(`${h.region}${h.hukouLabel}低保对象和分散供养特困人员取暖补贴`, rate);
  if (dibaoRecipients.length === 0 && tekun.length === 0) return { programme: 'heating', eligible: false, reasons: [standard, '家庭不符合低保或特困条件，不享受取暖补贴'] };
  return {
    programme: 'heating',
    eligible: true,
    winterAmountFen: rate.fen,
    reasons: [standard, `家庭${dibaoRecipients.length ? '有低保对象' : '有分散供养特困人员'}，每户每个冬季发放一次`, ...floorNote(rate)],
  };
}
