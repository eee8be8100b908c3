import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ApplicationView } from '@dajiuzhu/shared';
import * as stub from '../../../../test-stubs/taro';
import { failure, fakeApi } from '../../../../test-stubs/api';
import { resetTokenCacheForTests, setTokens } from '../../../services/tokens';
import DetailPage from '../pages/detail/index';

const CASE: ApplicationView = {
  id: 'a1', programme: 'dibao', programmeName: '最低生活保障（低保）', status: 'submitted', statusLabel: '已提交，待受理', sequence: 1,
  chain: ['accept', 'homeVisit', 'review', 'publicNotice', 'approve'], regionCode: '371402001', applicantName: '王大爷', applicantIdNumberMasked: '3***15',
  filedByHelper: true, helperRelation: '社区工作人员', applicantConfirmed: false, canConfirm: true, householdSize: 1, hukou: 'urban', form: {}, documents: [],
  consent: { textVersion: '2026-01', at: '2026-11-23T00:00:00Z' }, submittedAt: '2026-11-23T00:00:00Z', nextStep: null, deadlines: [], overdue: false, emergency: false,
  grantedFirst: null, extended: null, missingDocuments: [], notice: null, proposedMonthlyAmountFen: null, decisionReasons: null, timeline: [], entitlement: null, allowedActions: [],
};
const confirmButton = () => screen.getByText('确认是我本人的申请').closest('taro-button-core') as HTMLElement;

beforeEach(() => {
  stub.__reset();
  stub.__setRouterParams({ id: 'a1' });
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh-0123456789abcdefghij', expiresIn: 900 });
});

describe('a filing made in the person’s name: the person confirms it on the case page', () => {
  it('shows the authorization with a tick; confirm is disabled until ticked, then sends the tick with the confirmation', async () => {
    const calls = fakeApi({
      'GET /api/v1/applications/a1': () => CASE,
      'POST /api/v1/applications/a1/confirm': () => ({ ...CASE, canConfirm: false, applicantConfirmed: true, sequence: 2 }),
    });
    render(<DetailPage />);
    expect(await screen.findByText('请确认这份申请')).toBeTruthy();
    expect(screen.getByText(/有人（代办人：社区工作人员）以您的名义提交了这份最低生活保障（低保）申请/)).toBeTruthy();
    expect(screen.getByText('家庭经济状况核对授权书')).toBeTruthy();
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(confirmButton());
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.click(screen.getByTestId('confirm-consent')); // the tick itself sends nothing here
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    expect(confirmButton().getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(confirmButton());
    await waitFor(() => expect(screen.queryByText('请确认这份申请')).toBeNull());
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/v1/applications/a1/confirm', body: { expectedSequence: 1, checkAuthorization: { textVersion: '2026-01', agreed: true } } },
    ]);
  });

  it('a refusal (the person already has an open case) is shown in the server’s words', async () => {
    fakeApi({
      'GET /api/v1/applications/a1': () => CASE,
      'POST /api/v1/applications/a1/confirm': () => failure(409, 'APPLICATION_ALREADY_OPEN', '该申请人已有一份同类申请正在办理中，请勿重复申请'),
    });
    render(<DetailPage />);
    fireEvent.click(await screen.findByTestId('confirm-consent'));
    fireEvent.click(confirmButton());
    expect(await screen.findByText('该申请人已有一份同类申请正在办理中，请勿重复申请')).toBeTruthy();
  });

  it('the helper sees no confirm card, only that the person has not confirmed yet', async () => {
    fakeApi({ 'GET /api/v1/applications/a1': () => ({ ...CASE, canConfirm: false }) });
    render(<DetailPage />);
    expect(await screen.findByText('待申请人本人确认（或工作人员受理时当面核对）')).toBeTruthy();
    expect(screen.queryByText('请确认这份申请')).toBeNull();
  });
});
