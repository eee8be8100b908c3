import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { IdentityStatusView } from '@dajiuzhu/shared';
import { checkCharFor } from '@dajiuzhu/shared';
import * as stub from '../../../../../test-stubs/taro';
import { failure, fakeApi } from '../../../../../test-stubs/api';
import { resetTokenCacheForTests, setTokens } from '../../../../services/tokens';
import { IdentityCard } from './IdentityCard';

const ID = '37140219560312001' + checkCharFor('37140219560312001');
const unverified = (verifier: 'demo' | 'wechat', extra: Partial<IdentityStatusView> = {}): IdentityStatusView => ({
  verifier, status: 'unverified', demo: false, superseded: false, message: '您填写的实名信息尚未核验。', ...extra,
});
const verifiedBy = (method: 'face' | 'demo' | 'inPerson'): IdentityStatusView => ({
  verifier: 'wechat', status: 'verified', verification: { method, at: '2026-11-23T02:00:00Z' }, demo: method === 'demo', superseded: false, message: '已通过实名核验',
});

/** Taro inputs deliver their value in `detail.value`. */
function typeInto(el: Element, value: string) {
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { bubbles: true, detail: { value } }));
  });
}
const buttonOf = (label: string) => screen.getByText(label).closest('taro-button-core') as HTMLElement;

const originalEnv = process.env.TARO_ENV;
beforeEach(() => {
  stub.__reset();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh-0123456789abcdefghij', expiresIn: 900 });
});
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

describe('实名核验 card', () => {
  it('verified: says so, with the method and the date, and offers no action', () => {
    render(<IdentityCard identity={verifiedBy('face')} name='王大爷' savedIdNumber={null} onVerified={jest.fn()} />);
    expect(screen.getByTestId('identity-status').textContent).toBe('已核验');
    expect(screen.getByText('核验方式：微信人脸核身 · 2026-11-23')).toBeTruthy();
    expect(document.querySelector('taro-button-core')).toBeNull();
  });

  it('demo verifier: a clearly labelled demo button that posts the demo verification (empty body)', async () => {
    const calls = fakeApi({ 'POST /api/v1/me/identity/demo-verification': () => verifiedBy('demo') });
    const onVerified = jest.fn();
    render(<IdentityCard identity={unverified('demo')} name='王大爷' savedIdNumber={null} onVerified={onVerified} />);
    expect(screen.getByTestId('identity-status').textContent).toBe('未核验');
    fireEvent.click(screen.getByText('演示核验（仅限演示账号）'));
    await waitFor(() => expect(onVerified).toHaveBeenCalledWith(expect.objectContaining({ status: 'verified', demo: true })));
    expect(calls).toEqual([{ method: 'POST', path: '/api/v1/me/identity/demo-verification', body: undefined }]);
  });

  it('demo verifier refusing a non-demo account: the server’s words on screen', async () => {
    fakeApi({ 'POST /api/v1/me/identity/demo-verification': () => failure(403, 'DEMO_VERIFICATION_NOT_ALLOWED', '演示核验只适用于演示账号') });
    const onVerified = jest.fn();
    render(<IdentityCard identity={unverified('demo')} name='王大爷' savedIdNumber={null} onVerified={onVerified} />);
    fireEvent.click(screen.getByText('演示核验（仅限演示账号）'));
    expect(await screen.findByText('演示核验只适用于演示账号')).toBeTruthy();
    expect(onVerified).not.toHaveBeenCalled();
  });

  it('H5 with WeChat’s verifier: says where verification is done, no button', () => {
    process.env.TARO_ENV = 'h5';
    render(<IdentityCard identity={unverified('wechat')} name='王大爷' savedIdNumber={null} onVerified={jest.fn()} />);
    expect(screen.getByText(/人脸核验请在微信小程序“大救助”中进行/)).toBeTruthy();
    expect(screen.getByText(/社区或乡镇（街道）窗口/)).toBeTruthy();
    expect(document.querySelector('taro-button-core')).toBeNull();
  });

  it('superseded claim: the server’s message as a warning, and the way to verify', () => {
    process.env.TARO_ENV = 'weapp';
    const message = '您填写的身份证号已由本人在另一个账号完成核验。';
    render(<IdentityCard identity={unverified('wechat', { superseded: true, message })} name='王大爷' savedIdNumber={null} onVerified={jest.fn()} />);
    expect(screen.getByText(message).className).toContain('identity__warning');
    expect(buttonOf('开始人脸核验')).toBeTruthy();
  });

  describe('weapp face check', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
    });

    it('asks for the number again, checks it on the phone first, then runs WeChat’s check and posts its result', async () => {
      const calls = fakeApi({ 'POST /api/v1/me/identity/face-verification': () => verifiedBy('face') });
      stub.startFacialRecognitionVerify.mockResolvedValue({ verifyResult: 'vr-123', errMsg: 'ok', errCode: 0 });
      const onVerified = jest.fn();
      render(<IdentityCard identity={unverified('wechat')} name='王大爷' savedIdNumber={null} onVerified={onVerified} />);
      const field = document.querySelector('[placeholder="用于人脸核验，不会保存在手机上"]')!;

      typeInto(field, ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1')); // wrong check digit
      fireEvent.click(screen.getByText('开始人脸核验'));
      expect(await screen.findByText('身份证号最后一位校验码不对，请核对后重新输入')).toBeTruthy();
      expect(stub.startFacialRecognitionVerify).not.toHaveBeenCalled();

      typeInto(field, ID.toLowerCase());
      fireEvent.click(screen.getByText('开始人脸核验'));
      await waitFor(() => expect(onVerified).toHaveBeenCalled());
      expect(stub.startFacialRecognitionVerify).toHaveBeenCalledWith({ name: '王大爷', idCardNumber: ID.toUpperCase() });
      expect(calls).toEqual([{ method: 'POST', path: '/api/v1/me/identity/face-verification', body: { verifyResult: 'vr-123' } }]);
    });

    it('uses the number from the form just saved without asking again', async () => {
      fakeApi({ 'POST /api/v1/me/identity/face-verification': () => verifiedBy('face') });
      stub.startFacialRecognitionVerify.mockResolvedValue({ verifyResult: 'vr-1', errMsg: 'ok', errCode: 0 });
      render(<IdentityCard identity={unverified('wechat')} name='王大爷' savedIdNumber={ID} onVerified={jest.fn()} />);
      expect(document.querySelector('[placeholder="用于人脸核验，不会保存在手机上"]')).toBeNull();
      fireEvent.click(screen.getByText('开始人脸核验'));
      await waitFor(() => expect(stub.startFacialRecognitionVerify).toHaveBeenCalledWith({ name: '王大爷', idCardNumber: ID }));
    });

    it('closing WeChat’s check sends nothing and shows no error', async () => {
      const calls = fakeApi({});
      stub.startFacialRecognitionVerify.mockRejectedValue({ errMsg: 'startFacialRecognitionVerify:fail cancel', errCode: 90100 });
      render(<IdentityCard identity={unverified('wechat')} name='王大爷' savedIdNumber={ID} onVerified={jest.fn()} />);
      fireEvent.click(screen.getByText('开始人脸核验'));
      await waitFor(() => expect(stub.startFacialRecognitionVerify).toHaveBeenCalled());
      await waitFor(() => expect(buttonOf('开始人脸核验').className).not.toContain('btn--inactive'));
      expect(calls).toHaveLength(0);
      expect(document.querySelector('.notice--error')).toBeNull();
    });

    it('a refusal from the server (name or number differs) is shown in its words', async () => {
      fakeApi({ 'POST /api/v1/me/identity/face-verification': () => failure(400, 'FACE_IDENTITY_MISMATCH', '人脸核验的姓名或身份证号与您填写的实名信息不一致，请检查后重新核验') });
      stub.startFacialRecognitionVerify.mockResolvedValue({ verifyResult: 'vr-2', errMsg: 'ok', errCode: 0 });
      render(<IdentityCard identity={unverified('wechat')} name='王大爷' savedIdNumber={ID} onVerified={jest.fn()} />);
      fireEvent.click(screen.getByText('开始人脸核验'));
      expect(await screen.findByText('人脸核验的姓名或身份证号与您填写的实名信息不一致，请检查后重新核验')).toBeTruthy();
    });
  });
});
