import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ProfileView } from '@dajiuzhu/shared';
import * as stub from '../../test-stubs/taro';
import { fakeApi } from '../../test-stubs/api';
import { resetTokenCacheForTests, setTokens } from '../services/tokens';
import { resetSessionForTests } from '../store/session';
import HappinessListPage from '../packages/happiness/pages/index/index';
import AssistanceMinePage from '../packages/assistance/pages/mine/index';
import ApplyPage from '../packages/assistance/pages/apply/index';

const PROFILE: ProfileView = { name: '王大爷', idNumberMasked: '3***************15', phoneMasked: '138****8000', birthDate: '1956-03-12', sex: 'male', hukou: 'urban', regionCode: '371402001', savedAt: '2026-11-23T00:00:00Z' };
const identity = (status: 'unverified' | 'verified') => ({ verifier: 'wechat', status, demo: false, superseded: false, message: status === 'verified' ? '已通过实名核验' : '尚未核验' });
const signedIn = (profile?: ProfileView) => resetSessionForTests({ status: 'signedIn', user: { id: 'u1', roles: ['resident'], createdAt: '2026-11-23T00:00:00Z', ...(profile ? { profile } : {}) } });
const paths = (calls: { method: string; path: string }[]) => calls.map((c) => `${c.method} ${c.path}`);

beforeEach(() => {
  stub.__reset();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh-0123456789abcdefghij', expiresIn: 900 });
});

describe('pages about a person wait for a verified identity', () => {
  it('幸福清单, unverified: a plain "verify first" with the way there, and nothing asked about the person', async () => {
    signedIn(PROFILE);
    const calls = fakeApi({ 'GET /api/v1/me/identity': () => identity('unverified') });
    render(<HappinessListPage />);
    expect(await screen.findByText('请先完成实名核验')).toBeTruthy();
    expect(document.querySelector('.notice--error')).toBeNull();
    expect(paths(calls)).toEqual(['GET /api/v1/me/identity']);
    fireEvent.click(screen.getByText('去实名核验'));
    expect(stub.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/profile/index' });
  });

  it('幸福清单, no profile at all: the same prompt without asking the server', async () => {
    signedIn();
    const calls = fakeApi({});
    render(<HappinessListPage />);
    expect(await screen.findByText('请先完成实名核验')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('幸福清单, verified: no prompt, the statement is asked for', async () => {
    signedIn({ ...PROFILE, verification: { method: 'face', at: '2026-11-23T01:00:00Z' } });
    const calls = fakeApi({
      'GET /api/v1/me/identity': () => identity('verified'),
      'GET /api/v1/happiness-lists': () => ({ years: [] }),
    });
    render(<HappinessListPage />);
    await waitFor(() => expect(paths(calls)).toContain('GET /api/v1/happiness-lists'));
    expect(screen.queryByText('请先完成实名核验')).toBeNull();
  });

  it('我的申请, unverified: own filings listed, entitlements replaced by the prompt (and not asked for)', async () => {
    signedIn(PROFILE);
    const calls = fakeApi({
      'GET /api/v1/me/identity': () => identity('unverified'),
      'GET /api/v1/applications': () => ({ applications: [{ id: 'a1', programme: 'dibao', programmeName: '最低生活保障（低保）', status: 'submitted', statusLabel: '已提交，待受理', regionCode: '371402001', applicantNameMasked: '王**', filedByHelper: false, submittedAt: '2026-11-23T00:00:00Z', nextStep: null, dueOn: null, overdue: false, emergency: false, paperworkPending: false }] }),
      'GET /api/v1/messages': () => ({ messages: [], unread: 0 }),
    });
    render(<AssistanceMinePage />);
    expect(await screen.findByText('已提交，待受理')).toBeTruthy();
    expect(await screen.findByText('请先完成实名核验')).toBeTruthy();
    expect(screen.getByText('为保护您的信息，完成实名核验后才能查看您的救助待遇。')).toBeTruthy();
    expect(paths(calls)).not.toContain('GET /api/v1/entitlements');
  });

  it('我的申请, verified: the entitlements, no prompt', async () => {
    signedIn({ ...PROFILE, verification: { method: 'face', at: '2026-11-23T01:00:00Z' } });
    fakeApi({
      'GET /api/v1/me/identity': () => identity('verified'),
      'GET /api/v1/applications': () => ({ applications: [] }),
      'GET /api/v1/messages': () => ({ messages: [], unread: 0 }),
      'GET /api/v1/entitlements': () => ({ entitlements: [{ id: 'e1', applicationId: 'a1', programme: 'dibao', programmeName: '最低生活保障（低保）', beneficiaryName: '王大爷', beneficiaryIdNumberMasked: '3***15', regionCode: '371402001', payment: 'monthly', monthlyAmountFen: 136500, oneOffAmountFen: null, startMonth: '2026-12', nextRecheckOn: null, status: 'active', approvedAt: '2026-11-30T00:00:00Z' }] }),
    });
    render(<AssistanceMinePage />);
    expect(await screen.findByText('我的救助待遇')).toBeTruthy();
    expect(screen.getByText('1365.00 元/月 起 2026-12')).toBeTruthy();
    expect(screen.queryByText('请先完成实名核验')).toBeNull();
  });

  it('代办, unverified helper: asked to verify first, 开始申请 disabled; filing for oneself is not held back', async () => {
    signedIn(PROFILE);
    stub.__setRouterParams({ programme: 'dibao' });
    const calls = fakeApi({
      'GET /api/v1/me/identity': () => identity('unverified'),
      'GET /api/v1/applications/programmes': () => ({ programmes: [], checkAuthorization: { version: '2026-01', title: '', text: '' } }),
      'GET /api/v1/applications/drafts': () => ({ drafts: [] }),
    });
    render(<ApplyPage />);
    const start = () => screen.getByText('开始申请').closest('taro-button-core') as HTMLElement;
    await waitFor(() => expect(paths(calls)).toContain('GET /api/v1/me/identity'));
    expect(start().getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(screen.getByText('为他人代办（帮办代办）'));
    expect(await screen.findByText('代他人申请前，请先完成本人实名核验。')).toBeTruthy();
    expect(start().getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(start());
    expect(paths(calls)).not.toContain('POST /api/v1/applications/drafts');
  });
});
