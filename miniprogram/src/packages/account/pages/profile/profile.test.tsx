import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as stub from '../../../../../test-stubs/taro';
import { fakeApi } from '../../../../../test-stubs/api';
import ProfilePage from './index';
import { resetSessionForTests } from '../../../../store/session';
import { resetTokenCacheForTests, setTokens } from '../../../../services/tokens';

const user = { id: 'u1', roles: ['resident' as const], createdAt: '2026-11-23T00:00:00Z' };
const CHECK_DIGIT_MESSAGE = '身份证号最后一位校验码不对，请核对后重新输入';

/** Taro inputs deliver their value in `detail.value`. */
function typeInto(el: Element, value: string) {
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { bubbles: true, detail: { value } }));
  });
}
function blur(el: Element, value: string) {
  act(() => {
    el.dispatchEvent(new CustomEvent('blur', { bubbles: true, detail: { value } }));
  });
}
function input(placeholder: string): Element {
  const el = document.querySelector(`[placeholder="${placeholder}"]`);
  if (!el) throw new Error(`no input with placeholder ${placeholder}`);
  return el;
}

beforeEach(() => {
  stub.__reset();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh-0123456789abcdefghij', expiresIn: 900 });
  resetSessionForTests({ status: 'signedIn', user });
});

describe('实名信息 page', () => {
  it('shows the check-digit error under the field on blur, before any request', async () => {
    render(<ProfilePage />);
    const id = input('请输入18位身份证号');
    typeInto(id, '110105194912310021');
    blur(id, '110105194912310021');
    expect(await screen.findByText(CHECK_DIGIT_MESSAGE)).toBeTruthy();
    expect(Taro.request).not.toHaveBeenCalled();
  });

  it('shows the check-digit error on pressing 提交实名信息 and sends nothing', async () => {
    render(<ProfilePage />);
    typeInto(input('请输入姓名'), '王大爷');
    typeInto(input('请输入18位身份证号'), '110105194912310021');
    typeInto(input('请输入手机号'), '13800138000');
    fireEvent.click(screen.getByText('城镇'));
    typeInto(input('请输入行政区划代码'), '371402001');
    fireEvent.click(screen.getByText('提交实名信息'));
    expect(await screen.findByText(CHECK_DIGIT_MESSAGE)).toBeTruthy();
    expect(Taro.request).not.toHaveBeenCalled();
  });

  it('submits a valid profile, shows the masked number (never the raw one) and that it is not verified yet', async () => {
    const calls = fakeApi({
      'PUT /api/v1/me/profile': (call) => {
        const body = call.body as Record<string, string>;
        return {
          ...user,
          profile: {
            name: body.name,
            idNumberMasked: '1***************2X',
            phoneMasked: '138****8000',
            birthDate: '1949-12-31',
            sex: 'male',
            hukou: body.hukou,
            regionCode: body.regionCode,
            savedAt: '2026-11-23T00:00:00Z',
          },
        };
      },
      'GET /api/v1/me/identity': () => ({ verifier: 'wechat', status: 'unverified', demo: false, superseded: false, message: '您填写的实名信息尚未核验。' }),
    });
    const { container } = render(<ProfilePage />);
    typeInto(input('请输入姓名'), '王大爷');
    typeInto(input('请输入18位身份证号'), '11010519491231002x');
    typeInto(input('请输入手机号'), '13800138000');
    fireEvent.click(screen.getByText('农村'));
    fireEvent.click(screen.getByText('德州市德城区新华街道'));
    fireEvent.click(screen.getByText('提交实名信息'));

    expect(await screen.findByText('1***************2X')).toBeTruthy();
    expect((await screen.findByTestId('identity-status')).textContent).toBe('未核验');
    expect(screen.getByText('您填写的实名信息尚未核验。')).toBeTruthy();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['PUT /api/v1/me/profile', 'GET /api/v1/me/identity']);
    expect(calls[0].body).toEqual({ name: '王大爷', idNumber: '11010519491231002X', phone: '13800138000', hukou: 'rural', regionCode: '371402001' });
    await waitFor(() => expect(container.textContent).not.toMatch(/11010519491231002/i));
  });

  it('a verified profile: 已核验 with the method, and the note that name and number are changed at the window', async () => {
    resetSessionForTests({
      status: 'signedIn',
      user: { ...user, profile: { name: '王大爷', idNumberMasked: '1***************2X', phoneMasked: '138****8000', birthDate: '1949-12-31', sex: 'male', hukou: 'urban', regionCode: '371402001', savedAt: '2026-11-23T00:00:00Z', verification: { method: 'inPerson', at: '2026-11-24T01:00:00Z' } } },
    });
    fakeApi({ 'GET /api/v1/me/identity': () => ({ verifier: 'wechat', status: 'verified', verification: { method: 'inPerson', at: '2026-11-24T01:00:00Z' }, demo: false, superseded: false, message: '已通过实名核验（工作人员当面核验证件）' }) });
    render(<ProfilePage />);
    expect((await screen.findByTestId('identity-status')).textContent).toBe('已核验');
    expect(screen.getByText('核验方式：工作人员当面核验证件 · 2026-11-24')).toBeTruthy();
    expect(screen.getByText(/已核验的姓名和身份证号不能在线修改/)).toBeTruthy();
  });

  it('shows the server’s Chinese message when it refuses the change (a verified name or number)', async () => {
    stub.request.mockResolvedValue({
      statusCode: 409,
      header: {},
      data: { error: { code: 'IDENTITY_LOCKED', message: '您的实名信息已核验，姓名和身份证号不能在线修改；如需更正，请到社区或乡镇（街道）窗口核实', requestId: 'r1' } },
    });
    render(<ProfilePage />);
    typeInto(input('请输入姓名'), '王大爷');
    typeInto(input('请输入18位身份证号'), '11010519491231002X');
    typeInto(input('请输入手机号'), '13800138000');
    fireEvent.click(screen.getByText('城镇'));
    typeInto(input('请输入行政区划代码'), '371400');
    fireEvent.click(screen.getByText('提交实名信息'));
    expect(await screen.findByText('您的实名信息已核验，姓名和身份证号不能在线修改；如需更正，请到社区或乡镇（街道）窗口核实')).toBeTruthy();
  });
});
