import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AssistanceCardView, AutoGrantView, DecisionReasonsView } from '@dajiuzhu/shared';
import * as stub from '../../../test-stubs/taro';
import { fakeApi } from '../../../test-stubs/api';
import { resetTokenCacheForTests, setTokens } from '../../services/tokens';
import { resetSessionForTests } from '../../store/session';
import CardPage from './pages/card/index';
import DecisionPage from './pages/decision/index';

const CARD: AssistanceCardView = {
  holderNameMasked: '陈**', idNumberMasked: '3****************X', regionCode: '371402001',
  programmes: [{ programme: 'disabilityCare', programmeName: '重度残疾人护理补贴', monthlyAmountFen: 14000, startMonth: '2026-11' }],
  qr: { token: 'eyJ1IjoidTEifQ.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef', expiresAt: new Date(Date.now() + 300_000).toISOString(), ttlSeconds: 300 },
};
const GRANT: AutoGrantView = {
  id: 'auto:key:disabilityCare', programme: 'disabilityCare', programmeName: '重度残疾人护理补贴', nameMasked: '陈**', idNumberMasked: '3****************X', regionCode: '371402001',
  monthlyAmountFen: 14000, startMonth: '2026-11', status: 'active', basis: '残联数据：一级残疾人证（2026-10-08发证）', grantedAt: '2026-11-30T00:00:00Z',
};

beforeEach(() => {
  stub.__reset();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh-0123456789abcdefghij', expiresIn: 900 });
  resetSessionForTests({ status: 'signedIn', user: { id: 'u1', roles: ['resident'], createdAt: '2026-11-23T00:00:00Z' } as never });
});

describe('电子救助卡 and 免审秒办', () => {
  it('shows the programmes, the code with its countdown, and declines a grant', async () => {
    let declined = false;
    const calls = fakeApi({
      'GET /api/v1/me/assistance-card': () => CARD,
      'GET /api/v1/me/auto-grants': () => ({ grants: [{ ...GRANT, status: declined ? 'ended' : 'active' }] }),
      'POST /api/v1/me/auto-grants/auto%3Akey%3AdisabilityCare/decline': () => { declined = true; return { ...GRANT, status: 'ended' }; },
    });
    render(<CardPage />);
    expect((await screen.findByTestId('card-programme')).textContent).toBe('重度残疾人护理补贴 · 每月 140.00 元（2026-11 起）');
    expect(screen.getByTestId('card-code').textContent).toContain('ABCD EFGH IJKL MNOP');
    expect(screen.getByText(/分\d+秒后失效/)).toBeTruthy();
    fireEvent.click(await screen.findByText('不需要，放弃'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/decline'))).toBe(true));
    expect(await screen.findByText('已放弃或停止')).toBeTruthy();
  });
});

describe('决定理由与复查', () => {
  it('shows each reason on its own line and sends a review request', async () => {
    const decision: DecisionReasonsView = {
      subjectKind: 'application', subjectId: 'app1', programme: 'dibao', programmeName: '最低生活保障（低保）', decision: 'rejected', decisionName: '不予批准',
      decidedOn: '2026-11-20', lines: [{ label: '书面理由', text: '家庭人均收入高于当地低保标准' }, { label: '核算', text: '人均收入 1600.00 元，高于低保标准 755.00 元' }],
      rule: '《最低生活保障审核确认办法》（民发〔2021〕57号）', reviewBy: '2027-01-19', canRequestReview: true, review: null,
    };
    const calls = fakeApi({
      'GET /api/v1/me/decisions/application/app1': () => decision,
      'POST /api/v1/me/reviews': () => ({ status: 201, data: {} }),
    });
    stub.__setRouterParams({ kind: 'application', id: 'app1' });
    render(<DecisionPage />);
    expect(await screen.findAllByTestId('decision-line')).toHaveLength(2);
    expect(screen.getByText(/高于低保标准 755.00 元/)).toBeTruthy();
    const box = screen.getAllByPlaceholderText(/请写明您认为不对的地方/)[0];
    fireEvent(box, new CustomEvent('input', { detail: { value: '养老金已停发' }, bubbles: true }));
    fireEvent.click(screen.getByText('提交复查申请'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ subjectKind: 'application', subjectId: 'app1', reason: '养老金已停发' }));
  });
});
