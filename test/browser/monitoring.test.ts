/**
 * 主动发现 on the H5 build against the real API and database (issue 10, "Done when"): township staff
 * import a 医保 file → a red and a yellow alert appear with their evidence → the red one is assigned
 * to a grid worker → the grid worker records the visit and starts an application on the person's
 * behalf, with the person's tick and signed name → the application is on the township's desk; a
 * resident's 随手拍 becomes an alert in the same queue; the county dashboard counts what the alert
 * list holds.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addMonthsToDate, checkCharFor, shanghaiDate } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { launchChromium } from '../support/browser';
import { client } from '../support/http';
import { startFakeWechatContent } from '../support/fakeWechatContent';

jest.setTimeout(240_000);

const VIEWPORT = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const idNo = (seq: number) => { const first17 = `37140219550101${String(seq).padStart(3, '0')}`; return first17 + checkCharFor(first17); };
const monthsAgo = (n: number) => addMonthsToDate(shanghaiDate(), -n);
const ZHANG = idNo(21); // ¥60,000 out of pocket: red
const LI = idNo(22); // ¥25,000: yellow
const MEDICAL_FILE = '/tmp/dajiuzhu-monitoring-医保.csv';

describe('主动发现: import → alerts → assign → visit and apply → township desk; 随手拍; dashboard (H5)', () => {
  let stack: Stack;
  let browser: Browser;
  let fake: Awaited<ReturnType<typeof startFakeWechatContent>>;
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  let api: ReturnType<typeof client>;
  let township: string;
  let county: string;

  beforeAll(async () => {
    fake = await startFakeWechatContent();
    stack = await startStack({ overrides: { wechat: { apiBaseUrl: fake.baseUrl, timeoutMs: 500 } } });
    api = client(stack.baseUrl);
    township = (await api.signIn('mon-b-township', { role: 'staff', regionCode: '371402001', level: 'township' })).accessToken;
    county = (await api.signIn('mon-b-county', { role: 'staff', regionCode: '371402', level: 'county' })).accessToken;
    await api.signIn('mon-b-grid', { role: 'gridWorker', regionCode: '371402001001' });
    // The watch list is there before the department's file (set up through the API; the screen under test is the medical import).
    const list = ['身份证号,姓名,监测类别,行政区划代码,家庭月收入,家庭人口', `${ZHANG},张三,低保,371402001001,1500,3`, `${LI},李四,低保边缘,371402001001,10000,2`].join('\n') + '\n';
    const form = new FormData();
    form.append('file', new Blob([list], { type: 'text/csv' }), '监测名单.csv');
    const up = await fetch(`${stack.baseUrl}/api/v1/staff/monitoring/imports?source=populationList`, { method: 'POST', headers: { authorization: `Bearer ${township}` }, body: form });
    expect(up.status).toBe(202);
    const { id } = (await up.json()) as { id: string };
    for (let i = 0; i < 300; i++) {
      const job = await api.get(`/api/v1/staff/monitoring/imports/${id}`, township);
      if (job.body.status === 'done') break;
      if (job.body.status === 'failed') throw new Error(JSON.stringify(job.body));
      await new Promise((r) => setTimeout(r, 100));
    }
    writeFileSync(MEDICAL_FILE, ['身份证号,姓名,结算日期,个人自付,医疗总费用,业务流水号', `${ZHANG},张三,${monthsAgo(2)},40000.00,90000,B1`, `${ZHANG},张三,${monthsAgo(1)},20000.00,30000,B2`, `${LI},李四,${monthsAgo(3)},25000,40000,B3`].join('\n') + '\n');
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    await stack?.stop();
    await fake?.stop();
  });

  afterEach(async () => {
    let i = 0;
    for (const p of pages) await p.screenshot({ path: `/tmp/dajiuzhu-monitoring-last-${i++}.png`, fullPage: true }).catch(() => {});
  });

  /** A phone signed in as `openid` (tokens in Taro's storage before the app starts). */
  async function phoneOf(openid: string, extra: Record<string, unknown> = {}): Promise<Page> {
    const s = await api.signIn(openid, extra);
    const context = await browser.newContext(VIEWPORT);
    contexts.push(context);
    await context.addInitScript((tokens) => localStorage.setItem('dajiuzhu.tokens', JSON.stringify({ data: tokens })), { accessToken: s.accessToken, refreshToken: s.refreshToken, expiresIn: 900 });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    pages.push(page);
    return page;
  }
  const open = (page: Page, path: string) => page.goto(`${stack.baseUrl}/#${path}`);
  const button = (page: Page, label: string) => page.locator('taro-button-core').filter({ hasText: label }).filter({ visible: true }).first();
  const testId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).filter({ visible: true });
  const field = (page: Page, placeholder: string) => page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).filter({ visible: true }).first();

  let redId = '';

  it('staff import a medical-cost file; a red and a yellow alert appear with their evidence; the red one is assigned to the grid worker', async () => {
    const staff = await phoneOf('mon-b-township', { role: 'staff', regionCode: '371402001', level: 'township' });
    await open(staff, '/packages/monitoring/pages/import/index');
    await testId(staff, 'import-source').first().getByText('医保', { exact: true }).click();
    expect(await testId(staff, 'import-source-name').first().innerText()).toBe('医疗保障局（医保结算）');
    await staff.locator('[data-testid="import-file"]').setInputFiles(MEDICAL_FILE);
    await button(staff, '开始导入').click();
    await testId(staff, 'evaluation-status').filter({ hasText: '预警比对完成：新增预警 2 条' }).waitFor({ timeout: 60_000 });
    expect(await testId(staff, 'import-status').innerText()).toContain('导入完成');
    await staff.screenshot({ path: '/tmp/dajiuzhu-monitoring-import.png', fullPage: true });

    await button(staff, '查看预警').click();
    const rows = testId(staff, 'alert-row');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-level')))).toEqual(['red', 'yellow']);
    expect(await rows.first().innerText()).toContain('红色预警');
    await staff.screenshot({ path: '/tmp/dajiuzhu-monitoring-desk.png', fullPage: true });

    await rows.first().click();
    const evidence = testId(staff, 'evidence').first();
    await evidence.waitFor();
    const text = await evidence.innerText();
    expect(text).toContain('60000.00 元'); // what the data says
    expect(text).toContain('50000.00 元'); // the red threshold
    expect(text).toContain('医疗费用结算');
    expect(await staff.content()).not.toContain(ZHANG);
    redId = new URL(staff.url().replace('/#/', '/')).searchParams.get('id') ?? '';
    expect(redId).toMatch(/^al_/);
    // Only the actions allowed now: an open alert can be assigned or dismissed, not confirmed.
    expect(await button(staff, '确认办结').count()).toBe(0);
    await button(staff, '分派核查').click();
    await testId(staff, 'assignee-list').first().getByText('网格员', { exact: false }).first().click();
    await button(staff, '确认分派').click();
    await testId(staff, 'alert-status').filter({ hasText: '待核查' }).waitFor();
    expect(await testId(staff, 'alert-assignee').first().innerText()).toContain('网格员');
  });

  it('the grid worker records the visit and starts an application with the person’s consent; it is on the township desk', async () => {
    const grid = await phoneOf('mon-b-grid', { role: 'gridWorker', regionCode: '371402001001' });
    await open(grid, '/packages/monitoring/pages/index/index');
    const task = testId(grid, 'alert-row').first();
    await task.waitFor();
    expect(await task.innerText()).toContain('红色预警');
    await grid.screenshot({ path: '/tmp/dajiuzhu-monitoring-grid-home.png', fullPage: true });
    await button(grid, '走访最急的一户').click();
    await testId(grid, 'visit-form').first().waitFor();
    expect(await field(grid, '家庭月收入').inputValue()).toBe('1500'); // prefilled from the data
    await field(grid, '如：家中两位老人，老伴卧床，药费负担重').fill('老人刚出院，老伴卧床，药费负担重');
    await testId(grid, 'outcome-choice').first().getByText('纳入救助', { exact: true }).click();
    await testId(grid, 'programme-choice').first().getByText('临时救助', { exact: true }).click();
    await button(grid, '提交核查结果').click();
    expect(await testId(grid, 'visit-problems').first().innerText()).toContain('请本人勾选同意代为申请');
    await testId(grid, 'consent-tick').first().click();
    await field(grid, '本人签名（请本人写姓名）').fill('张三');
    await grid.screenshot({ path: '/tmp/dajiuzhu-monitoring-visit.png', fullPage: true });
    await button(grid, '提交核查结果').click();
    await testId(grid, 'visit-done').first().waitFor();
    await testId(grid, 'application-started').first().waitFor();

    const detail = await api.get(`/api/v1/staff/monitoring/alerts/${redId}`, township);
    expect(detail.body).toMatchObject({ status: 'visited', allowedActions: ['confirm', 'returnForRevisit'] });
    expect(detail.body.visits[0].outcome).toMatchObject({ kind: 'enrol', consentGiven: true, applicationId: expect.any(String) });
    const applicationId = detail.body.visits[0].outcome.applicationId as string;
    expect(await testId(grid, 'application-started').first().innerText()).toContain(applicationId);

    // The township's applications desk (工作台) lists the application filed on 张三's behalf.
    const staff = await phoneOf('mon-b-township', { role: 'staff', regionCode: '371402001', level: 'township' });
    await open(staff, '/packages/staff/pages/index/index');
    const row = testId(staff, 'queue-row').filter({ hasText: '临时救助' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('张*'); // masked
    const queue = await api.get('/api/v1/staff/applications', township);
    expect(queue.body.applications.map((a: { id: string }) => a.id)).toContain(applicationId);
  });

  it('a resident’s 随手拍 becomes an alert in the township queue; the resident sees the status only', async () => {
    const resident = await phoneOf('mon-b-resident');
    await open(resident, '/packages/monitoring/pages/report/index');
    await field(resident, '如：独居老人，冬天没有取暖，行动不便').fill('小区门口有位老人独居，电话 13800138000');
    await testId(resident, 'contact-warning').first().waitFor(); // caught on the phone, before sending
    await field(resident, '如：独居老人，冬天没有取暖，行动不便').fill('小区门口有位老人独居，腿脚不便，冬天没有取暖');
    expect(await testId(resident, 'contact-warning').count()).toBe(0);
    await field(resident, '如 371402001').fill('371402001001');
    await testId(resident, 'report-place').first().waitFor();
    await field(resident, '如：某小区3号楼附近').fill('新华街道某小区3号楼附近');
    await button(resident, '提交报告').click();
    await testId(resident, 'report-sent').first().waitFor();
    await button(resident, '查看处理进度').click();
    const mine = testId(resident, 'my-report').first();
    await mine.waitFor();
    expect(await mine.innerText()).toContain('已收到，等待工作人员处理');

    const staff = await phoneOf('mon-b-township', { role: 'staff', regionCode: '371402001', level: 'township' });
    await open(staff, '/packages/monitoring/pages/alerts/index');
    const report = testId(staff, 'alert-row').filter({ hasText: '腿脚不便' }).first();
    await report.waitFor();
    expect(await report.innerText()).toContain('随手拍');
  });

  it('the county dashboard counts what the alert list holds', async () => {
    const all = (await api.get('/api/v1/staff/monitoring/alerts?limit=200', county)).body.alerts as { level: string; status: string }[];
    expect(all.length).toBe(3); // red, yellow, 随手拍
    const countOf = (key: 'level' | 'status', value: string) => all.filter((a) => a[key] === value).length;

    const board = await phoneOf('mon-b-county', { role: 'staff', regionCode: '371402', level: 'county' });
    await open(board, '/packages/monitoring/pages/dashboard/index');
    await testId(board, 'kpi-total').first().waitFor();
    expect(await testId(board, 'kpi-total').first().innerText()).toContain(String(all.length));
    expect(await testId(board, 'kpi-open').first().innerText()).toContain(String(all.filter((a) => a.status !== 'closed').length));
    const chartValues = async (chart: string) => Object.fromEntries(await testId(board, chart).first().locator('[data-testid="chart-row"]').evaluateAll((rows) => rows.map((r) => [r.querySelector('.mon-chart__label')?.textContent ?? '', Number(r.querySelector('[data-testid="chart-value"]')?.textContent)])));
    const levels = await chartValues('chart-level');
    expect(levels['红色预警']).toBe(countOf('level', 'red'));
    expect(levels['黄色预警']).toBe(countOf('level', 'yellow'));
    expect(levels['橙色预警'] ?? 0).toBe(countOf('level', 'orange'));
    const statuses = await chartValues('chart-status');
    expect(statuses['已核查，待确认']).toBe(countOf('status', 'visited'));
    expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(all.length);
    await board.screenshot({ path: '/tmp/dajiuzhu-monitoring-dashboard.png', fullPage: true });
  });
});
