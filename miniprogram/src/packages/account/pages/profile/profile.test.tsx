import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as stub from '../../../../../test-stubs/taro';
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

  it('submits a valid profile and shows 已实名 with the masked number, never the raw one', async () => {
    stub.request.mockImplementation(async (opt: any) => ({
      statusCode: 200,
      header: {},
      data: {
        ...user,
        profile: {
          name: opt.data.name,
          idNumberMasked: '1***************2X',
          phoneMasked: '138****8000',
          birthDate: '1949-12-31',
          sex: 'male',
          hukou: opt.data.hukou,
          regionCode: opt.data.regionCode,
          verifiedAt: '2026-11-23T00:00:00Z',
        },
      },
    }));
    const { container } = render(<ProfilePage />);
    typeInto(input('请输入姓名'), '王大爷');
    typeInto(input('请输入18位身份证号'), '11010519491231002x');
    typeInto(input('请输入手机号'), '13800138000');
    fireEvent.click(screen.getByText('农村'));
    fireEvent.click(screen.getByText('德州市德城区新华街道'));
    fireEvent.click(screen.getByText('提交实名信息'));

    expect(await screen.findByText('已实名')).toBeTruthy();
    expect(screen.getByText('1***************2X')).toBeTruthy();
    expect(stub.request).toHaveBeenCalledTimes(1);
    expect(stub.request.mock.calls[0][0]).toMatchObject({
      url: '/api/v1/me/profile',
      method: 'PUT',
      data: { name: '王大爷', idNumber: '11010519491231002X', phone: '13800138000', hukou: 'rural', regionCode: '371402001' },
    });
    await waitFor(() => expect(container.textContent).not.toMatch(/11010519491231002/i));
  });

  it('shows the server’s Chinese message when the ID number is taken', async () => {
    stub.request.mockResolvedValue({
      statusCode: 409,
      header: {},
      data: { error: { code: 'ID_NUMBER_TAKEN', message: '该身份证号已被其他账号实名认证，如有疑问请联系当地民政部门', requestId: 'r1' } },
    });
    render(<ProfilePage />);
    typeInto(input('请输入姓名'), '王大爷');
    typeInto(input('请输入18位身份证号'), '11010519491231002X');
    typeInto(input('请输入手机号'), '13800138000');
    fireEvent.click(screen.getByText('城镇'));
    typeInto(input('请输入行政区划代码'), '371400');
    fireEvent.click(screen.getByText('提交实名信息'));
    expect(await screen.findByText('该身份证号已被其他账号实名认证，如有疑问请联系当地民政部门')).toBeTruthy();
  });
});
