import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { DraftView } from '@dajiuzhu/shared';
import * as stub from '../../../../../test-stubs/taro';
import { failure, fakeApi, type ApiCall } from '../../../../../test-stubs/api';
import { resetTokenCacheForTests, setTokens } from '../../../../services/tokens';
import { resetSessionForTests } from '../../../../store/session';
import FormPage from './index';

const DRAFT: DraftView = {
  id: 'd1',
  programme: 'dibao',
  form: { hukou: 'urban', members: [{ key: 'self', name: '王大爷', relation: 'self', age: 70 }], reason: '生活困难' },
  documents: [{ item: 'idCard', fileId: 'f1' }, { item: 'householdRegister', fileId: 'f1' }],
  currentStep: 5, // the review step of dibao (5 form steps)
  consent: null,
  onBehalfOf: null,
  applicantName: '王大爷',
  problems: [],
  submittedApplicationId: null,
  createdAt: '2026-11-23T00:00:00Z',
  updatedAt: '2026-11-23T00:00:00Z',
};
const CONSENT = { textVersion: '2026-01', at: '2026-11-23T01:00:00Z' };

const submitButton = () => screen.getByText('提交申请').closest('taro-button-core') as HTMLElement;
const isDisabled = (el: HTMLElement) => el.getAttribute('aria-disabled') === 'true' && el.className.includes('btn--inactive') && el.hasAttribute('disabled');
const isEnabled = (el: HTMLElement) => el.getAttribute('aria-disabled') === null && !el.className.includes('btn--inactive') && !el.hasAttribute('disabled');
const writes = (calls: ApiCall[]) => calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`);

function serve(draft: Partial<DraftView> = {}, submit: () => unknown = () => ({ id: 'a1' })) {
  let current: DraftView = { ...DRAFT, ...draft };
  return fakeApi({
    'GET /api/v1/applications/drafts/d1': () => current,
    'GET /api/v1/files': () => ({ files: [] }),
    'POST /api/v1/applications/drafts/d1/consent': () => (current = { ...current, consent: CONSENT }),
    'DELETE /api/v1/applications/drafts/d1/consent': () => (current = { ...current, consent: null }),
    'POST /api/v1/applications': submit,
  });
}

beforeEach(() => {
  stub.__reset();
  stub.__setRouterParams({ id: 'd1' });
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh-0123456789abcdefghij', expiresIn: 900 });
  resetSessionForTests({ status: 'signedIn', user: { id: 'u1', roles: ['resident'], createdAt: '2026-11-23T00:00:00Z' } });
});

describe('申请 review: consent is the person’s own tick, submit waits for it', () => {
  it('a disabled 提交申请 looks disabled and a tap sends nothing', async () => {
    const calls = serve();
    render(<FormPage />);
    await screen.findByText('请核对申请内容');
    expect(isDisabled(submitButton())).toBe(true);
    fireEvent.click(submitButton());
    fireEvent.click(screen.getByText('提交申请'));
    await new Promise((r) => setTimeout(r, 50));
    expect(writes(calls)).toEqual([]);
    expect(screen.getByTestId('submit-hint').textContent).toBe('请阅读授权书并勾选同意后提交');
  });

  it('the tick records consent (text version, agreed); unticking withdraws it; the button follows the server', async () => {
    const calls = serve();
    render(<FormPage />);
    await screen.findByText('请核对申请内容');

    fireEvent.click(screen.getByTestId('consent'));
    await waitFor(() => expect(isEnabled(submitButton())).toBe(true));
    expect(screen.getByTestId('consent').getAttribute('aria-checked')).toBe('true');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ textVersion: '2026-01', agreed: true });

    fireEvent.click(screen.getByTestId('consent'));
    // At once, while the withdrawal is on its way: no submit.
    expect(isDisabled(submitButton())).toBe(true);
    await waitFor(() => expect(screen.getByTestId('consent').getAttribute('aria-checked')).toBe('false'));
    expect(isDisabled(submitButton())).toBe(true);
    expect(writes(calls)).toEqual(['POST /api/v1/applications/drafts/d1/consent', 'DELETE /api/v1/applications/drafts/d1/consent']);
  });

  it('submit sends the submit alone: no consent is ever sent on the person’s behalf', async () => {
    const calls = serve({ consent: CONSENT });
    render(<FormPage />);
    await screen.findByText('请核对申请内容');
    expect(isEnabled(submitButton())).toBe(true);
    fireEvent.click(screen.getByText('提交申请'));
    await waitFor(() => expect(stub.redirectTo).toHaveBeenCalledWith({ url: '/packages/assistance/pages/detail/index?id=a1' }));
    expect(writes(calls)).toEqual(['POST /api/v1/applications']);
  });

  it('stays disabled while the form is incomplete, even with consent', async () => {
    serve({ consent: CONSENT, problems: [{ path: '/documents', message: '请上传申请人身份证' }] });
    render(<FormPage />);
    await screen.findByText('· 请上传申请人身份证');
    expect(isDisabled(submitButton())).toBe(true);
    expect(screen.getByTestId('submit-hint').textContent).toBe('请先补全上面列出的内容');
  });

  it('a refused submit shows the server’s message (consent withdrawn elsewhere)', async () => {
    serve({ consent: CONSENT }, () => failure(409, 'CHECK_AUTHORIZATION_REQUIRED', '请先阅读并同意《家庭经济状况核对授权书》后再提交'));
    render(<FormPage />);
    await screen.findByText('请核对申请内容');
    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText('请先阅读并同意《家庭经济状况核对授权书》后再提交')).toBeTruthy();
  });

  it('a helper who is not verified is asked to verify, with the way there', async () => {
    serve({ consent: CONSENT }, () => failure(403, 'APPLICATION_HELPER_UNVERIFIED', '代他人申请前，请先完成本人实名核验'));
    render(<FormPage />);
    await screen.findByText('请核对申请内容');
    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText('请先完成实名核验')).toBeTruthy();
    fireEvent.click(screen.getByText('去实名核验'));
    expect(stub.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/profile/index' });
  });
});
