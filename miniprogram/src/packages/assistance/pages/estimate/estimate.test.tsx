import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { StandardsInEffect } from '@dajiuzhu/shared';
import * as stub from '../../../../../test-stubs/taro';
import { dezhou } from '../../../../../../config/policy/371400-dezhou';
import { parseYuanInput } from '@dajiuzhu/shared/src/money';
import EstimatePage from './index';
import { resetSessionForTests } from '../../../../store/session';
import { resetTokenCacheForTests } from '../../../../services/tokens';

/** What GET /api/v1/policy/standards/371400 answers: the published Dezhou figures in effect. */
const { periods, ...region } = dezhou;
const DEZHOU: StandardsInEffect = { regionCode: region.regionCode, regionName: region.regionName, ...periods[periods.length - 1] };

function typeInto(el: Element, value: string) {
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { bubbles: true, detail: { value } }));
  });
}
function input(placeholder: string): Element {
  const el = document.querySelector(`[placeholder="${placeholder}"]`);
  if (!el) throw new Error(`no input with placeholder ${placeholder}`);
  return el;
}
const ok = (data: unknown) => ({ statusCode: 200, header: {}, data });

beforeEach(() => {
  stub.__reset();
  resetTokenCacheForTests();
  resetSessionForTests({ status: 'signedOut', user: null });
});

describe('政策测算 page', () => {
  it('shows 低保 可能符合 755.00 元 for one urban Dezhou member with no income, computed on the phone', async () => {
    stub.request.mockImplementation(async (opt) => {
      if (opt.url === '/api/v1/policy/standards/371400' && (opt.method ?? 'GET') === 'GET') return ok(DEZHOU);
      throw new Error(`unexpected request ${opt.method} ${opt.url}`);
    });
    render(<EstimatePage />);
    fireEvent.click(screen.getByText('德州市'));
    fireEvent.click(screen.getByText('城镇'));
    typeInto(input('年龄（周岁）'), '45');

    const dibao = await screen.findByTestId('result-dibao');
    expect(within(dibao).getByText('可能符合')).toBeTruthy();
    expect(within(dibao).getByText('755.00 元/月')).toBeTruthy();
    expect(dibao.textContent).toContain('德州市城市低保标准 755.00 元/人·月');
    expect(screen.getByText('这只是测算，不是审批决定。能否享受、金额多少，以民政部门家庭经济状况核对和审核审批结果为准。')).toBeTruthy();
    expect(within(dibao).getByText('去申请')).toBeTruthy();
    expect(within(screen.getByTestId('result-tekun')).getByText('暂不符合')).toBeTruthy();

    // Only the standards were fetched, once, without a token; no estimate call to the server.
    expect(stub.request).toHaveBeenCalledTimes(1);
    expect(stub.request.mock.calls[0][0]).toMatchObject({ url: '/api/v1/policy/standards/371400', method: 'GET' });
    expect(stub.request.mock.calls[0][0].header?.Authorization).toBeUndefined();

    // Typing an income updates the result at once, still without the server.
    typeInto(input('每月养老金（元）'), '100.5');
    await waitFor(() => expect(within(screen.getByTestId('result-dibao')).getByText('654.50 元/月')).toBeTruthy());
    expect(stub.request).toHaveBeenCalledTimes(1);

    fireEvent.click(within(screen.getByTestId('result-dibao')).getByText('去申请'));
    expect(stub.navigateTo).toHaveBeenCalledWith({ url: '/packages/assistance/pages/apply/index?programme=dibao' });
  });

  it('正式测算 sends the household to the server and shows its answer as the result', async () => {
    const serverAnswer = {
      regionCode: '371400', regionName: '德州市', date: '2026-11-23', effectiveFrom: '2021-01-01',
      results: [{ programme: 'dibao', eligible: true, monthlyAmountFen: 130000, reasons: ['服务器的说明'] }],
    };
    stub.request.mockImplementation(async (opt) => {
      if (opt.url.startsWith('/api/v1/policy/standards/')) return ok(DEZHOU);
      if (opt.url === '/api/v1/policy/estimate' && opt.method === 'POST') return ok(serverAnswer);
      throw new Error(`unexpected request ${opt.url}`);
    });
    render(<EstimatePage />);
    fireEvent.click(screen.getByText('德州市'));
    fireEvent.click(screen.getByText('农村'));
    typeInto(input('年龄（周岁）'), '70');
    typeInto(input('每月工资（元）'), '0.07');
    await screen.findByTestId('result-dibao');
    fireEvent.click(screen.getByText('正式测算'));

    expect(await screen.findByText('正式测算结果（以此为准）')).toBeTruthy();
    expect(within(screen.getByTestId('result-dibao')).getByText('1300.00 元/月')).toBeTruthy();
    expect(screen.getByText('服务器的说明')).toBeTruthy();
    const post = stub.request.mock.calls.find((c) => c[0].method === 'POST')![0];
    expect(post.data).toEqual({ regionCode: '371400', hukou: 'rural', members: [{ age: 70, incomes: [{ kind: 'wage', monthlyFen: 7 }] }] });

    // Editing again drops the server's answer until asked again.
    typeInto(input('年龄（周岁）'), '71');
    await waitFor(() => expect(screen.queryByText('正式测算结果（以此为准）')).toBeNull());
  });

  it('shows the API’s Chinese message when a typed region has no standards', async () => {
    stub.request.mockResolvedValue({ statusCode: 404, header: {}, data: { error: { code: 'NOT_FOUND', message: '该地区暂无救助标准数据', requestId: 'r1' } } });
    render(<EstimatePage />);
    fireEvent.click(screen.getByText('其他地区'));
    typeInto(input('请输入地区代码，如 371402'), '1101');
    expect(screen.getByText('地区代码应为6位、9位或12位数字，如 371400')).toBeTruthy();
    typeInto(input('请输入地区代码，如 371402'), '110101');
    expect(await screen.findByText('该地区暂无救助标准数据')).toBeTruthy();
    expect(stub.request).toHaveBeenCalledTimes(1);
  });

  it('adds members one by one and asks for each age', async () => {
    stub.request.mockImplementation(async () => ok(DEZHOU));
    render(<EstimatePage />);
    fireEvent.click(screen.getByText('德州市'));
    fireEvent.click(screen.getByText('城镇'));
    typeInto(input('年龄（周岁）'), '70');
    fireEvent.click(screen.getByText('＋ 添加家庭成员'));
    expect(screen.getByText('成员2')).toBeTruthy();
    expect(screen.getByTestId('member-summary').textContent).toContain('70岁');
    expect(screen.getByText('请先填写：每位成员的年龄')).toBeTruthy();
    typeInto(input('年龄（周岁）'), '68');
    expect(within(await screen.findByTestId('result-dibao')).getByText('1510.00 元/月')).toBeTruthy();
  });
});

/** The amounts people type into the estimate, read by the one shared parser. */
describe('parseYuanInput (as the estimate uses it)', () => {
  it.each([
    ['', null], ['0', 0], ['755', 75500], ['0.07', 7], ['1.1', 110], ['19.99', 1999], ['100.', 10000], ['.5', 50],
    ['１２。５', 1250], ['8.7元', 870], ['1,000', 100000], ['10000000', 1_000_000_000],
  ])('reads %p as %p fen', (text, fen) => expect(parseYuanInput(text)).toEqual({ fen }));
  it.each(['abc', '1.234', '-5', '.', '10000000.01', '123456789'])('refuses %p', (text) => expect(parseYuanInput(text)).toHaveProperty('problem'));
});
