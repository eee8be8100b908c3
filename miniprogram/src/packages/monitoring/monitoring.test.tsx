import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AlertDetailView, MonitoringDashboard } from '@dajiuzhu/shared';
import * as stub from '../../../test-stubs/taro';
import { fakeApi, failure } from '../../../test-stubs/api';
import { resetTokenCacheForTests, setTokens } from '../../services/tokens';
import { resetSessionForTests } from '../../store/session';
import { barPercent, deadlineWords, newFormKey, outcomeChoicesFor, prefilledVisitForm, sortTasks, visitBody, visitProblems } from './logic';
import { contactWarning, reportProblem } from './reportForm';
import TaskPage from './pages/task/index';
import AlertPage from './pages/alert/index';
import DashboardPage from './pages/dashboard/index';
import HelpRequestPage from './pages/help/index';

const ALERT: AlertDetailView = {
  id: 'al_abcdefgh01', origin: 'dataComparison', source: 'medical', sourceName: '医疗保障局（医保结算）', ruleId: 'medical-oop', ruleName: '医疗个人自付费用过高',
  level: 'red', status: 'assigned', statusLabel: '待核查', period: '2026-10', regionCode: '371402001001', subject: { nameMasked: '张**', idNumberMasked: '3****************X' },
  summary: '近12个月医疗个人自付 60,000.00 元，达到预警线 50,000.00 元', assignee: { userId: 'g1', role: 'gridWorker', regionCode: '371402001001', name: '网格员' },
  deadline: '2026-11-20', overdue: true, outcome: null, createdAt: '2026-11-15T00:00:00Z', closedAt: null,
  evidence: { summary: '近12个月医疗个人自付 60,000.00 元，达到预警线 50,000.00 元', items: [{ kind: 'medicalCost', kindLabel: '医疗费用结算', date: '2026-10-01', amountFen: 4_000_000, grade: null, text: '' }], measuredFen: 6_000_000, thresholdFen: 5_000_000, sharePercent: null, thresholdPercent: null },
  situation: { group: 'dibao', householdSize: 3, householdIncomeFen: 150_000 },
  report: null, visits: [], timeline: [], allowedActions: ['recordVisit'],
};

/** Taro's Input/Textarea hand `e.detail.value` to onInput: the event its web component dispatches. */
function typeInto(el: HTMLElement, value: string) {
  fireEvent(el, new CustomEvent('input', { detail: { value }, bubbles: true }));
}

/** Taro's H5 inputs carry the placeholder on the component and on the <input> inside it: the component. */
const byPlaceholder = (text: string) => screen.getAllByPlaceholderText(text)[0];

beforeEach(() => {
  stub.__reset();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh-0123456789abcdefghij', expiresIn: 900 });
  resetSessionForTests({ status: 'signedIn', user: { id: 'g1', roles: ['resident', 'gridWorker'], createdAt: '2026-11-23T00:00:00Z' } as never });
});

describe('the rules behind the screens', () => {
  it('orders tasks red first then by deadline, and says the deadline in words', () => {
    const tasks = sortTasks([{ level: 'yellow', deadline: '2026-11-01' }, { level: 'red', deadline: '2026-11-30' }, { level: 'red', deadline: '2026-11-10' }]);
    expect(tasks).toEqual([{ level: 'red', deadline: '2026-11-10' }, { level: 'red', deadline: '2026-11-30' }, { level: 'yellow', deadline: '2026-11-01' }]);
    expect(deadlineWords('2026-11-20', '2026-11-23', true)).toBe('已超期 3 天');
    expect(deadlineWords('2026-11-23', '2026-11-23', false)).toBe('今天到期');
    expect(deadlineWords('2026-11-25', '2026-11-23', false)).toBe('还剩 2 天');
  });

  it('纳入救助 needs a programme, the person’s own tick and signed name; the body carries them', () => {
    const form = { ...prefilledVisitForm(ALERT.situation), seen: '卧床', outcome: 'enrol' as const };
    expect(form.householdIncome).toBe('1500');
    expect(visitProblems(form)).toEqual(['请选择申请的救助项目', '请本人勾选同意代为申请', '请本人签写姓名']);
    const done = { ...form, programme: 'temporary' as const, consentAgreed: true, signedName: ' 张三 ' };
    expect(visitProblems(done)).toEqual([]);
    expect(visitBody(done, 'visit-key-1', '2026-11-23T02:00:00.000Z')).toEqual({
      visitKey: 'visit-key-1', visitedAt: '2026-11-23T02:00:00.000Z', seen: '卧床', photoFileIds: [],
      situation: { householdSize: 3, householdIncomeFen: 150_000 },
      outcome: { kind: 'enrol', programme: 'temporary', consent: { agreed: true, signedName: '张三' } },
    });
    expect(visitProblems({ ...form, outcome: 'noAssistanceNeeded' })).toEqual(['请填写无需救助的理由']);
    expect(visitProblems({ ...form, outcome: 'refer' })).toEqual(['请填写转介给哪个单位或组织']);
    expect(visitProblems({ ...form, outcome: 'notFound', householdSize: '40' })).toEqual(['家庭人口应为 1–30 的整数']);
    // A 随手拍 is about someone not yet named: no application can be started for them.
    expect(outcomeChoicesFor({ origin: 'hardshipReport' }).map((c) => c.value)).toEqual(['emergencyAid', 'refer', 'noAssistanceNeeded', 'notFound']);
    expect(outcomeChoicesFor({ origin: 'dataComparison' }).map((c) => c.value)).toContain('enrol');
  });

  it('keys fit the API’s pattern; bars keep small counts visible; contact numbers are caught before sending', () => {
    expect(newFormKey('visit')).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newFormKey('visit')).not.toBe(newFormKey('visit'));
    expect([barPercent(0, 10), barPercent(1, 100), barPercent(5, 10), barPercent(3, 0)]).toEqual([0, 2, 50, 0]);
    expect(contactWarning('老人电话 138 0013 8000')).toContain('电话号码');
    expect(reportProblem({ text: '独居老人行动不便', regionCode: '371402001', address: '3号楼' })).toBeNull();
    expect(reportProblem({ text: '独居老人行动不便', regionCode: '123', address: '3号楼' })).toContain('行政区划代码');
  });
});

describe('the grid worker records a visit', () => {
  it('prefills the household, refuses 纳入救助 without consent, and a retried submit sends the same visitKey', async () => {
    stub.__setRouterParams({ id: ALERT.id });
    let attempts = 0;
    const calls = fakeApi({
      [`GET /api/v1/monitoring/tasks/${ALERT.id}`]: () => ALERT,
      [`POST /api/v1/monitoring/tasks/${ALERT.id}/visits`]: () => {
        attempts += 1;
        if (attempts === 1) return failure(503, 'DATABASE_UNAVAILABLE', '服务暂时不可用，请稍后再试');
        return { status: 201, data: { ...ALERT, status: 'visited', statusLabel: '已核查，待确认', allowedActions: [], visits: [{ id: 'v1', visitedAt: '2026-11-23T02:00:00Z', byUserId: 'g1', seen: '卧床', photoFileIds: [], situation: {}, outcome: { kind: 'enrol', label: '纳入救助', reason: '', referTo: '', programme: 'temporary', consentGiven: true, applicationId: 'app1' } }] } };
      },
    });
    render(<TaskPage />);
    expect((await screen.findByTestId('evidence')).textContent).toContain('60000.00 元');
    expect(byPlaceholder('家庭月收入').getAttribute('value')).toBe('1500');
    typeInto(byPlaceholder('如：家中两位老人，老伴卧床，药费负担重'), '卧床');
    fireEvent.click(screen.getByText('纳入救助'));
    fireEvent.click(screen.getByText('临时救助'));
    fireEvent.click(screen.getByText('提交核查结果'));
    expect(screen.getByTestId('visit-problems').textContent).toBe('请本人勾选同意代为申请；请本人签写姓名');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('consent-tick'));
    typeInto(byPlaceholder('本人签名（请本人写姓名）'), '张三');
    fireEvent.click(screen.getByText('提交核查结果'));
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('提交核查结果'));
    expect(await screen.findByTestId('application-started')).toBeTruthy();
    const posts = calls.filter((c) => c.method === 'POST').map((c) => c.body as { visitKey: string; outcome: unknown });
    expect(posts).toHaveLength(2);
    expect(posts[1].visitKey).toBe(posts[0].visitKey);
    expect(posts[1].outcome).toEqual({ kind: 'enrol', programme: 'temporary', consent: { agreed: true, signedName: '张三' } });
    expect(screen.queryByText('提交核查结果')).toBeNull();
  });
});

describe('the staff desk shows only what is allowed now', () => {
  it('a visited alert offers confirm and return, not assign; return asks for a reason first', async () => {
    stub.__setRouterParams({ id: ALERT.id });
    const calls = fakeApi({
      [`GET /api/v1/staff/monitoring/alerts/${ALERT.id}`]: () => ({ ...ALERT, status: 'visited', statusLabel: '已核查，待确认', allowedActions: ['confirm', 'returnForRevisit'] }),
      [`POST /api/v1/staff/monitoring/alerts/${ALERT.id}/return`]: () => ({ ...ALERT, allowedActions: [] }),
    });
    render(<AlertPage />);
    expect(await screen.findByText('确认办结')).toBeTruthy();
    expect(screen.queryByText('分派核查')).toBeNull();
    expect(screen.queryByText('直接办结')).toBeNull();
    expect(screen.getByTestId('evidence-threshold').textContent).toBe('50000.00 元');
    fireEvent.click(screen.getByText('退回重新核查'));
    fireEvent.click(screen.getByText('确认退回'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    typeInto(byPlaceholder('请填写理由'), '家庭收入未核实');
    fireEvent.click(screen.getByText('确认退回'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ reason: '家庭收入未核实' }]));
  });
});

describe('the dashboard and 一键求助', () => {
  it('every chart has its numbers as text', async () => {
    const board: MonitoringDashboard = {
      regionCode: '371402', asOf: '2026-11-23', total: 3, open: 1, overdue: 1, closed: 2,
      byLevel: [{ level: 'red', label: '红色预警', count: 1 }, { level: 'orange', label: '橙色预警', count: 0 }, { level: 'yellow', label: '黄色预警', count: 2 }],
      bySource: [{ source: 'medical', label: '医保', count: 2 }, { source: 'hardshipReport', label: '随手拍', count: 1 }],
      byStatus: [{ status: 'open', label: '待分派', count: 1 }, { status: 'closed', label: '已办结', count: 2 }],
      byTownship: [{ regionCode: '371402001', open: 1, overdue: 1, total: 3 }],
      medianDaysToClose: 2.5, enrolledThroughDiscovery: 1, enrolledThroughApplications: 4, discoverySharePercent: 20,
    };
    fakeApi({ 'GET /api/v1/staff/monitoring/dashboard': () => board });
    render(<DashboardPage />);
    const level = await screen.findByTestId('chart-level');
    expect(Array.from(level.querySelectorAll('[data-testid="chart-row"]')).map((r) => r.getAttribute('aria-label'))).toEqual(['红色预警 1 条', '橙色预警 0 条', '黄色预警 2 条']);
    expect(screen.getByTestId('kpi-median').textContent).toContain('2.5 天');
    expect(screen.getByTestId('discovery').textContent).toContain('新纳入救助 5 人：主动发现 1 人，本人申请 4 人，主动发现占 20%');
  });

  it('a phone number in a help request is flagged at once and nothing is sent; the same requestKey on retry', async () => {
    const calls = fakeApi({
      'POST /api/v1/monitoring/help-requests': () => ({ status: 201, data: { id: 'hr_abcdefgh01', kind: 'helpRequest', status: 'received', statusLabel: '已收到，等待工作人员处理', text: '看病钱不够', createdAt: '2026-11-23T00:00:00Z' } }),
    });
    render(<HelpRequestPage />);
    const box = byPlaceholder('如：老伴住院，医药费负担不起');
    typeInto(box, '看病钱不够，电话13800138000');
    expect(screen.getByTestId('contact-warning').textContent).toContain('电话号码');
    fireEvent.click(screen.getByText('提交求助'));
    expect(calls).toHaveLength(0);
    typeInto(box, '看病钱不够');
    fireEvent.click(screen.getByText('提交求助'));
    expect(await screen.findByText('求助已提交')).toBeTruthy();
    expect(calls[0].body).toMatchObject({ text: '看病钱不够', requestKey: expect.stringMatching(/^help-/) });
  });
});
