import { loadPolicyStandards } from '@dajiuzhu/config';
import { policyService } from './policyService';
import { AppError } from '../../../core/errors/AppError';

const policy = loadPolicyStandards();
const request = { regionCode: '371400', hukou: 'urban' as const, members: [{ age: 40 }] };

describe('policyService', () => {
  it('defaults the date to today in Asia/Shanghai, not UTC', () => {
    // 2020-12-31 16:00 UTC is already 2021-01-01 in Shanghai: Dezhou's 2021 standards apply.
    const svc = policyService(policy, () => new Date('2020-12-31T16:00:00Z'));
    expect(svc.estimate(request)).toMatchObject({ date: '2021-01-01', effectiveFrom: '2021-01-01' });
    const before = policyService(policy, () => new Date('2020-12-31T15:59:59Z'));
    expect(() => before.estimate(request)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: '该地区暂无救助标准数据' }));
  });

  it('refuses an unknown region with NOT_FOUND and an impossible day with VALIDATION_FAILED', () => {
    const svc = policyService(policy);
    expect(() => svc.standards('110000')).toThrow(AppError);
    expect(() => svc.standards('110000')).toThrow('该地区暂无救助标准数据');
    expect(() => svc.estimate({ ...request, date: '2023-02-29' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
