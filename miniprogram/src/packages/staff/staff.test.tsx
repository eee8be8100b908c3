import { fireEvent, render, screen } from '@testing-library/react';
import type { StaffApplicationSummary, StaffApplicationView } from '@dajiuzhu/shared';
import * as stub from '../../../test-stubs/taro';
import { fakeApi } from '../../../test-stubs/api';
import { resetTokenCacheForTests, setTokens } from '../../services/tokens';
import { resetSessionForTests } from '../../store/session';
import StaffDeskPage from './pages/index/index';
import StaffApplicationPage from './pages/case/index';

const ROW: StaffApplicationSummary = {
  id: 'a2', programme: 'dibao', programmeName: '最低生活保障（低保）', status: 'submitted', statusLabel: '已提交，待受理', regionCode: '371402001', applicantNameMasked: '王**',
  filedByHelper: true, submittedAt: '2026-11-23T00:00:00Z', nextStep: '受理', dueOn: null, overdue: false, emergency: false, paperworkPending: false, applicantConfirmed: false, duplicateOf: 'a1',
};
const CASE: StaffApplicationView = {
  id: 'a2', programme: 'dibao', programmeName: '最低生活保障（低保）', status: 'submitted', statusLabel: '已提交，待受理', sequence: 1,
  chain: ['accept', 'homeVisit', 'review', 'publicNotice', 'approve'], regionCode: '371402001', applicantName: '王大爷', applicantIdNumberMasked: '3***15',
  filedByHelper: true, helperRelation: '子女', applicantConfirmed: false, canConfirm: false, householdSize: 1, hukou: 'urban', form: { members: [], reason: '困难' }, documents: [],
  consent: { textVersion: '2026-01', at: '2026-11-23T00:00:00Z' }, submittedAt: '2026-11-23T00:00:00Z', nextStep: null, deadlines: [], overdue: false, emergency: false,
  grantedFirst: null, extended: null, missingDocuments: [], notice: null, proposedMonthlyAmountFen: null, decisionReasons: null, timeline: [], entitlement: null,
  allowedActions: ['accept'], duplicateOf: 'a1', estimate: null,
};

beforeEach(() => {
  stub.__reset();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh-0123456789abcdefghij', expiresIn: 900 });
  resetSessionForTests({ status: 'signedIn', user: { id: 's1', roles: ['staff'], staff: { level: 'township', regionCode: '371402001' }, createdAt: '2026-11-23T00:00:00Z' } });
});

describe('staff see what residents must not: duplicates, unconfirmed helper filings, identity conflicts', () => {
  it('the queue flags a duplicate and a helper filing not yet confirmed; identity conflicts are listed', async () => {
    fakeApi({
      'GET /api/v1/staff/applications': () => ({ applications: [ROW] }),
      'GET /api/v1/staff/supervision': () => ({ overdue: [], paperworkPending: [] }),
      'GET /api/v1/staff/identity-conflicts': () => ({
        limit: 20, offset: 0,
        conflicts: [{ id: 'c1', firstAt: '2026-11-20T00:00:00Z', lastAt: '2026-11-22T00:00:00Z', attempts: 2, method: 'face', account: { userId: 'u9', name: '张三', idNumberMasked: '3***15', regionCode: '371402001' }, holder: { userId: 'u1', regionCode: '371402001', method: 'inPerson', verifiedAt: '2026-11-19T00:00:00Z' } }],
      }),
    });
    render(<StaffDeskPage />);
    expect((await screen.findByTestId('duplicate-flag')).textContent).toBe('重复申请');
    expect(screen.getByText('代办·待本人确认')).toBeTruthy();
    expect(await screen.findByText('身份核验冲突（1）')).toBeTruthy();
    expect(screen.getByText('张三（3***15）· 德州市德城区新华街道')).toBeTruthy();
  });

  it('the case says it is a duplicate, and accepting a helper filing says it confirms the person’s will (ID checked)', async () => {
    stub.__setRouterParams({ id: 'a2' });
    fakeApi({ 'GET /api/v1/staff/applications/a2': () => CASE });
    render(<StaffApplicationPage />);
    expect((await screen.findByTestId('duplicate-flag')).textContent).toContain('重复申请：该申请人另有一份同类申请正在办理（编号 a1）');
    expect(screen.getByText('代办人：子女（申请人本人尚未确认）')).toBeTruthy();
    fireEvent.click(screen.getByText('受理'));
    expect(screen.getByTestId('accept-confirms').textContent).toBe('受理即确认申请人本人意愿（已核对身份证件）');
  });
});
