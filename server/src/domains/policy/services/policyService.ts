import type { PolicyStandards } from '@dajiuzhu/config';
import { estimatePolicy, isCalendarDate, shanghaiDate, type EstimateRequest, type EstimateResponse, type StandardsInEffect } from '@dajiuzhu/shared';
import { AppError } from '../../../core/errors/AppError';

/**
 * Published standards and the estimate. Public: the figures are published and the estimate keeps
 * nothing. The date defaults to today in Asia/Shanghai.
 */
export function policyService(source: PolicyStandards | (() => PolicyStandards), now: () => Date = () => new Date()) {
  const policyNow = typeof source === 'function' ? source : () => source;
  function standardsInEffect(regionCode: string, date: string | undefined): { standards: StandardsInEffect; date: string } {
    const day = date ?? shanghaiDate(now());
    // The schema checks the shape; a day such as 2021-02-30 passes the pattern but is no date.
    if (!isCalendarDate(day)) throw new AppError('VALIDATION_FAILED', { message: '日期不正确', details: { fields: [{ path: '/date', rule: 'calendarDate' }] } });
    const standards = policyNow().standardsFor(regionCode, day);
    if (!standards) throw new AppError('NOT_FOUND', { message: '该地区暂无救助标准数据' });
    return { standards, date: day };
  }

  return {
    standards(regionCode: string, date?: string): StandardsInEffect {
      return standardsInEffect(regionCode, date).standards;
    },
    estimate(request: EstimateRequest): EstimateResponse {
      const { standards, date } = standardsInEffect(request.regionCode, request.date);
      return estimatePolicy(request, standards, date);
    },
  };
}
export type PolicyService = ReturnType<typeof policyService>;
