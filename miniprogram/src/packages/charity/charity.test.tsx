import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CharityProjectView, CreatedDonation, Donation, PublicProject } from '@dajiuzhu/shared';
import { checkCharFor, withCreditCheck } from '@dajiuzhu/shared';
import * as stub from '../../../test-stubs/taro';
import { fakeApi, failure } from '../../../test-stubs/api';
import { resetTokenCacheForTests, setTokens } from '../../services/tokens';
import { resetSessionForTests } from '../../store/session';
import DonatePage from './pages/donate/index';
import ManageProjectPage from './pages/manage/index';
import { dayOf } from './labels';

const PROJECT: PublicProject = {
  id: 'p1', title: '冬季温暖包', targetGroup: 'elderly', regionCode: '371402', regionName: '德城区', organizationName: '德城区慈善总会', status: 'published',
  goalFen: 500_000, startDate: '2026-11-30', endDate: '2027-11-30', publishedAt: '2026-11-30T00:00:00Z', story: '为独居困难老人送去温暖过冬的物资。',
  budgetLines: [{ id: 'b1', label: '棉被', amountFen: 300_000 }, { id: 'b2', label: '慰问金', amountFen: 200_000 }],
  raisedFen: 10_000, matchedFen: 0, spentFen: 0, peopleHelped: 0, percent: 2, acceptsDonations: true, endReason: null, reportOverdue: false, pledges: [], reports: [], spending: [],
};
const DONATION: Donation = {
  id: 'd1', projectId: 'p1', projectTitle: PROJECT.title, organizationName: PROJECT.organizationName, amountFen: 5_000, status: 'pending', donorKind: 'company',
  donorDisplay: '德州某公司', anonymous: false, message: null, createdAt: '2026-11-30T01:00:00Z', paidAt: null, receiptNumber: null, refundedAt: null,
};
const MINE: CharityProjectView = {
  id: 'p1', status: 'draft', organizationId: 'o1', organizationName: PROJECT.organizationName, title: PROJECT.title, story: PROJECT.story, targetGroup: 'elderly',
  regionCode: '371402', regionName: '德城区', startDate: PROJECT.startDate, endDate: PROJECT.endDate, budgetLines: PROJECT.budgetLines, goalFen: 500_000, raisedFen: 10_000,
  matchedFen: 0, spentFen: 0, peopleHelped: 0, percent: 2, contentFlag: 'pass', reviewNote: null, returnReason: null, endReason: null, submittedAt: null, publishedAt: null,
  nextReportDue: null, reportOverdue: false, allowedActions: ['edit', 'submit', 'cancel'], createdAt: '2026-11-30T00:00:00Z', updatedAt: '2026-11-30T00:00:00Z',
};
const TAX_NO = withCreditCheck('91371400MA3C12345');

function typeInto(el: HTMLElement, value: string) {
  fireEvent(el, new CustomEvent('input', { detail: { value }, bubbles: true }));
}
const byPlaceholder = (text: string) => screen.getAllByPlaceholderText(text)[0];

beforeEach(() => {
  stub.__reset();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh-0123456789abcdefghij', expiresIn: 900 });
  resetSessionForTests({ status: 'signedIn', user: { id: 'u1', roles: ['resident'], createdAt: '2026-11-23T00:00:00Z' } as never });
});

describe('dates', () => {
  it('a server timestamp is shown as its Shanghai day', () => {
    expect(dayOf('2026-11-30T16:30:00Z')).toBe('2026-12-01');
    expect(dayOf('2026-11-30T15:59:00Z')).toBe('2026-11-30');
  });
});

describe('giving to a project', () => {
  it('a company gives with its tax number; a retried order keeps its key; 模拟支付 is clearly marked and ends in the result', async () => {
    stub.__setRouterParams({ id: 'p1' });
    let orders = 0;
    let paid = false;
    const created: CreatedDonation = { donation: DONATION, payment: { provider: 'fake', requestPayment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'RSA', paySign: 's' }, simulatePath: '/api/v1/dev/payments/d1/pay' } };
    const calls = fakeApi({
      'GET /api/v1/charity/projects/p1': () => PROJECT,
      'POST /api/v1/donations': () => (++orders === 1 ? failure(503, 'DATABASE_UNAVAILABLE', '服务暂时不可用，请稍后再试') : { status: 201, data: created }),
      'POST /api/v1/dev/payments/d1/pay': () => { paid = true; return { ...DONATION, status: 'paid' }; },
      'GET /api/v1/me/donations/d1': () => (paid ? { ...DONATION, status: 'paid', paidAt: '2026-11-30T01:01:00Z', receiptNumber: 'DZ2026-000001' } : DONATION),
    });
    render(<DonatePage />);
    expect(await screen.findByText(PROJECT.title)).toBeTruthy();
    fireEvent.click(screen.getByText('企业'));
    typeInto(byPlaceholder('其他金额（元）'), '50');
    typeInto(byPlaceholder('企业名称'), '德州某公司');
    typeInto(byPlaceholder('统一社会信用代码（18位）'), '91371400MA3C123450');
    fireEvent.click(screen.getByText('确认捐赠'));
    if (TAX_NO !== '91371400MA3C123450') expect(screen.getByText('请填写正确的18位统一社会信用代码（纳税人识别号）')).toBeTruthy();
    typeInto(byPlaceholder('统一社会信用代码（18位）'), TAX_NO.toLowerCase());
    fireEvent.click(screen.getByText('确认捐赠'));
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('确认捐赠'));
    expect((await screen.findByTestId('fake-pay')).textContent).toContain('模拟支付（开发测试环境，不会扣款）');
    const bodies = calls.filter((c) => c.path === '/api/v1/donations').map((c) => c.body as Record<string, unknown>);
    expect(bodies).toHaveLength(2);
    expect(bodies[1].requestKey).toBe(bodies[0].requestKey);
    expect(bodies[1]).toMatchObject({ projectId: 'p1', amountFen: 5_000, donorKind: 'company', companyName: '德州某公司', taxNumber: TAX_NO, anonymous: false });

    fireEvent.click(screen.getByText('确认模拟支付'));
    expect((await screen.findByTestId('donation-result')).textContent).toContain('捐赠成功');
    expect(screen.getByTestId('receipt-number').textContent).toContain('DZ2026-000001');
    expect(screen.getByText('下载捐赠票据（PDF）')).toBeTruthy();
  });
});

describe('the organisation’s project shows only what the server allows', () => {
  it('a draft offers 提交审核 and 修改, no spending or report; a published one offers spending and reports', async () => {
    stub.__setRouterParams({ id: 'p1' });
    let project: CharityProjectView = MINE;
    const calls = fakeApi({
      'GET /api/v1/charity/organization/projects/p1': () => project,
      'POST /api/v1/charity/organization/projects/p1/submit': () => { project = { ...MINE, status: 'pendingReview', allowedActions: ['cancel'] }; return project; },
      'GET /api/v1/charity/organization/projects/p1/spending': () => ({ spending: [], spentFen: 0, raisedFen: 10_000 }),
      'POST /api/v1/charity/organization/projects/p1/spending': () => ({ status: 201, data: {} }),
    });
    const { unmount } = render(<ManageProjectPage />);
    expect(await screen.findByText('提交审核')).toBeTruthy();
    expect(screen.getByText('修改')).toBeTruthy();
    expect(screen.queryByText('记录支出')).toBeNull();
    expect(screen.queryByText('提交报告')).toBeNull();
    fireEvent.click(screen.getByText('提交审核'));
    await waitFor(() => expect(screen.getByTestId('project-status').textContent).toBe('审核中'));
    expect(screen.queryByText('提交审核')).toBeNull();
    unmount();

    // Published: spending to a named person; the ID number is checked on the phone and forgotten once recorded.
    project = { ...MINE, status: 'published', allowedActions: ['close', 'cancel', 'recordSpending', 'fileReport'] };
    render(<ManageProjectPage />);
    fireEvent.click(await screen.findByText('记录支出'));
    typeInto(byPlaceholder('支出金额（元）'), '50');
    typeInto(byPlaceholder('用途，如 购买棉被 20 床'), '冬季慰问金');
    fireEvent.click(screen.getByText('慰问金'));
    fireEvent.click(screen.getByText('现金救助到人'));
    typeInto(byPlaceholder('受助人姓名'), '王秀英');
    typeInto(byPlaceholder('受助人所在乡镇（街道）代码，如 371402001'), '371402001');
    typeInto(byPlaceholder('受助人身份证号（记入其幸福清单，加密保存）'), '371402195003150010');
    fireEvent.click(screen.getByText('记录这笔支出'));
    const id = '37140219500315001' + checkCharFor('37140219500315001');
    if (id !== '371402195003150010') expect(screen.getByText(/校验/)).toBeTruthy();
    typeInto(byPlaceholder('受助人身份证号（记入其幸福清单，加密保存）'), id);
    fireEvent.click(screen.getByText('记录这笔支出'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST' && c.path.endsWith('/spending'))).toHaveLength(1));
    const body = calls.find((c) => c.method === 'POST' && c.path.endsWith('/spending'))!.body as Record<string, unknown>;
    expect(body).toMatchObject({ amountFen: 5_000, budgetLineId: 'b2', kind: 'cash', purpose: '冬季慰问金', beneficiary: { name: '王秀英', idNumber: id, regionCode: '371402001' } });
    expect(await screen.findByText('记录支出')).toBeTruthy(); // back on the project, the form (and the number) gone
    expect(document.body.innerHTML).not.toContain(id);
  });
});

describe('ending a project early', () => {
  it('asks for a public reason and a confirmation, then closes it', async () => {
    stub.__setRouterParams({ id: 'p1' });
    const published: CharityProjectView = { ...MINE, status: 'published', allowedActions: ['close', 'cancel', 'recordSpending', 'fileReport'] };
    const calls = fakeApi({
      'GET /api/v1/charity/organization/projects/p1': () => published,
      'GET /api/v1/charity/organization/projects/p1/spending': () => ({ spending: [], spentFen: 0, raisedFen: 10_000 }),
      'POST /api/v1/charity/organization/projects/p1/close': () => ({ ...published, status: 'closed', allowedActions: ['recordSpending', 'fileReport'] }),
    });
    render(<ManageProjectPage />);
    fireEvent.click(await screen.findByText('提前结束募捐'));
    const endButton = () => screen.getByRole('button', { name: '结束募捐' });
    fireEvent.click(endButton());
    expect(await screen.findByText('请写明原因（会公开显示）')).toBeTruthy();
    typeInto(byPlaceholder('如：物资已由政府统一发放'), '物资已由政府统一发放');
    fireEvent.click(endButton());
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body])).toEqual([['/api/v1/charity/organization/projects/p1/close', { reason: '物资已由政府统一发放' }]]));
    expect(stub.showModal).toHaveBeenCalled();
  });
});
