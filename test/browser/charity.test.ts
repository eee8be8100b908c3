/**
 * 慈善筹 on the H5 build against the real API and database (issue 12, "Done when"): a charity
 * organisation creates a project → staff of its region approve it → a donor gives through the fake
 * payment server (the 模拟支付 screen) and downloads the PDF receipt → the organisation records aid
 * to a named beneficiary, who sees it in their 幸福清单 → the organisation files a quarterly report
 * and the donor is told → a later report falls overdue and the project leaves the square.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addMonthsToDate, shanghaiDate, withCreditCheck } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { launchChromium } from '../support/browser';
import { client } from '../support/http';
import { verifiedResident } from '../support/identity';
import { startFakeWechatContent } from '../support/fakeWechatContent';
import { measurePage, type Finding } from './accessibility.measure';

jest.setTimeout(300_000);

const VIEWPORT = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', acceptDownloads: true };
const TITLE = '德城区困难老人冬季温暖包';
const REPORT_TITLE = '第一季度进展：温暖包已送达';
const CREDIT_CODE = withCreditCheck('53371400MJD123456');
const shot = (name: string) => `/tmp/dajiuzhu-charity-${name}.png`;

describe('慈善筹: create → approve → give (模拟支付) → receipt → aid in the 幸福清单 → report → overdue (H5)', () => {
  let stack: Stack;
  let browser: Browser;
  let fake: Awaited<ReturnType<typeof startFakeWechatContent>>;
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  let api: ReturnType<typeof client>;
  let county: string;
  let projectId = '';
  let beneficiary: Awaited<ReturnType<typeof verifiedResident>>;

  beforeAll(async () => {
    fake = await startFakeWechatContent();
    stack = await startStack({ overrides: { wechat: { apiBaseUrl: fake.baseUrl, timeoutMs: 500 } } });
    api = client(stack.baseUrl);
    county = (await api.signIn('ch-b-county', { role: 'staff', regionCode: '371402', level: 'county' })).accessToken;
    // The organisation's account: invited by an admin, like staff (the admin screens have their own test).
    const admin = (await api.signIn('ch-b-admin', { role: 'admin' })).accessToken;
    const invite = await api.post('/api/v1/admin/staff-invitations', { role: 'charity', regionCode: '371402', organization: { name: '德城区慈善总会', creditCode: CREDIT_CODE, registrationNo: '鲁民慈登字001号' } }, admin);
    expect(invite.status).toBe(201);
    const org = await api.signIn('ch-b-org');
    const redeemed = await api.post('/api/v1/staff-invitations/redeem', { code: invite.body.code }, org.accessToken);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.user.roles).toContain('charity');
    beneficiary = await verifiedResident(stack, 'ch-b-beneficiary', { name: '王秀英', regionCode: '371402001' });
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
    for (const p of pages) await p.screenshot({ path: shot(`last-${i++}`), fullPage: true }).catch(() => {});
  });

  /** A phone signed in as `openid` (tokens in Taro's storage before the app starts); `elder`: 长辈模式 on. */
  async function phoneOf(openid: string, extra: Record<string, unknown> = {}, elder = false): Promise<Page> {
    const s = await api.signIn(openid, extra);
    const context = await browser.newContext(VIEWPORT);
    contexts.push(context);
    const storage = { 'dajiuzhu.tokens': { accessToken: s.accessToken, refreshToken: s.refreshToken, expiresIn: 900 }, 'dajiuzhu.elderMode': elder };
    await context.addInitScript((entries) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, JSON.stringify({ data: v }));
    }, storage);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    pages.push(page);
    return page;
  }
  const open = (page: Page, path: string) => page.goto(`${stack.baseUrl}/#${path}`);
  const button = (page: Page, label: string) => page.locator('taro-button-core').filter({ hasText: label }).filter({ visible: true }).first();
  const testId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).filter({ visible: true });
  const field = (page: Page, placeholder: string) => page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).filter({ visible: true }).first();
  const chip = (page: Page, group: string, label: string) => testId(page, group).first().getByText(label, { exact: true });

  it('the organisation creates a project with budget lines and submits it for review', async () => {
    const org = await phoneOf('ch-b-org');
    await open(org, '/pages/index/index');
    await testId(org, 'charity-desk').first().click();
    await testId(org, 'organization').first().waitFor();
    expect(await testId(org, 'organization').first().innerText()).toContain('德城区慈善总会');
    await button(org, '新建项目').click();
    await field(org, '如：困难老人冬季温暖包').fill(TITLE);
    await field(org, '为谁募捐、为什么、钱怎么花').fill('为德城区独居困难老人送去棉被、米面油和慰问金，帮助他们温暖过冬。');
    await chip(org, 'target-group', '困难老人').click();
    await chip(org, 'project-region', '德城区').click();
    await field(org, '结束日期，如 2027-06-30').fill(addMonthsToDate(shanghaiDate(), 12));
    await field(org, '用途 1').fill('棉被和米面油');
    await field(org, '金额（元）').fill('3000');
    await org.getByText('＋ 再加一条预算').click();
    await field(org, '用途 2').fill('慰问金');
    await org.locator('input[placeholder="金额（元）"]').nth(1).fill('2000');
    await org.getByText('合计即目标金额：5000.00 元', { exact: false }).waitFor();
    await button(org, '保存草稿').click();
    await testId(org, 'project-status').filter({ hasText: '草稿' }).waitFor();
    projectId = new URL(org.url().replace('/#/', '/')).searchParams.get('id') ?? '';
    expect(projectId).not.toBe('');
    // Only what the server allows now: a draft can be submitted or edited; no spending, no report.
    expect(await button(org, '记录支出').count()).toBe(0);
    await button(org, '提交审核').click();
    await testId(org, 'project-status').filter({ hasText: '审核中' }).waitFor();
    await org.screenshot({ path: shot('submitted'), fullPage: true });
  });

  it('county staff approve it; it is on the square', async () => {
    const staff = await phoneOf('ch-b-county', { role: 'staff', regionCode: '371402', level: 'county' });
    await open(staff, '/pages/index/index');
    await staff.getByText('慈善项目审核', { exact: true }).filter({ visible: true }).first().click();
    const row = testId(staff, 'review-row').filter({ hasText: TITLE }).first();
    await row.waitFor();
    await row.click();
    await testId(staff, 'review-project').first().waitFor();
    expect(await testId(staff, 'review-project').first().innerText()).toContain('慰问金');
    await button(staff, '审核通过').click();
    await testId(staff, 'project-status').filter({ hasText: '募捐中' }).waitFor();
    const square = await api.get('/api/v1/charity/projects');
    expect(square.body.projects.map((p: { id: string }) => p.id)).toContain(projectId);
  });

  it('a donor gives 100 元 on the 模拟支付 screen and downloads the PDF receipt', async () => {
    const donor = await phoneOf('ch-b-donor');
    await open(donor, '/pages/index/index');
    await donor.getByText('慈善项目', { exact: true }).filter({ visible: true }).first().click();
    const card = testId(donor, 'project-card').filter({ hasText: TITLE }).first();
    await card.waitFor();
    await donor.screenshot({ path: shot('square'), fullPage: true });
    await card.click();
    await testId(donor, 'project-title').filter({ hasText: TITLE }).waitFor();
    expect(await testId(donor, 'figure-raised').first().innerText()).toContain('0.00 元');
    await button(donor, '我要捐赠').click();
    await chip(donor, 'amount-presets', '100 元').click();
    await field(donor, '票据上的姓名（不填为“爱心人士”）').fill('李善人');
    await button(donor, '确认捐赠').click();
    const pay = testId(donor, 'fake-pay').first();
    await pay.waitFor();
    expect(await pay.innerText()).toContain('模拟支付');
    expect(await pay.innerText()).toContain('100.00 元');
    await donor.screenshot({ path: shot('fake-pay'), fullPage: true });
    await button(donor, '确认模拟支付').click();
    const result = testId(donor, 'donation-result').first();
    await result.filter({ hasText: '捐赠成功' }).waitFor({ timeout: 30_000 });
    expect(await result.innerText()).toContain('李善人');

    // The receipt: from 我的捐赠 (the receipt number may be issued a moment after the payment).
    await button(donor, '我的捐赠').click();
    const mine = testId(donor, 'my-donation').first();
    await mine.waitFor();
    for (let i = 0; i < 20 && !(await mine.innerText()).includes('票据编号'); i++) {
      await donor.waitForTimeout(500);
      await donor.reload();
      await mine.waitFor();
    }
    expect(await mine.innerText()).toContain('已到账');
    const [download] = await Promise.all([donor.waitForEvent('download'), button(donor, '下载捐赠票据（PDF）').click()]);
    expect(download.suggestedFilename()).toMatch(/^捐赠票据-.+\.pdf$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await donor.screenshot({ path: shot('my-donations'), fullPage: true });

    const page = await api.get(`/api/v1/charity/projects/${projectId}`);
    expect(page.body.raisedFen).toBe(10_000);
  });

  it('the organisation records aid to a named beneficiary, who sees it in the 幸福清单', async () => {
    const org = await phoneOf('ch-b-org');
    await open(org, `/packages/charity/pages/manage/index?id=${projectId}`);
    await button(org, '记录支出').click();
    await testId(org, 'spending-form').first().waitFor();
    await field(org, '支出金额（元）').fill('50');
    await field(org, '用途，如 购买棉被 20 床').fill('冬季慰问金');
    await chip(org, 'budget-line', '慰问金').click();
    await chip(org, 'spending-kind', '现金救助到人').click();
    await field(org, '受助人姓名').fill('王秀英');
    await field(org, '受助人所在乡镇（街道）代码，如 371402001').fill('371402001');
    await field(org, '受助人身份证号（记入其幸福清单，加密保存）').fill(beneficiary.idNumber);
    await button(org, '记录这笔支出').click();
    const row = testId(org, 'spending-row').filter({ hasText: '冬季慰问金' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('王*'); // the name masked
    expect(await org.content()).not.toContain(beneficiary.idNumber); // the number is gone once recorded
    await org.screenshot({ path: shot('spending'), fullPage: true });

    // The 幸福清单 shows what was published: the county publishes this year's statements of the township.
    const year = Number(shanghaiDate().slice(0, 4));
    const job = await api.post('/api/v1/staff/happiness-lists/publish', { year, regionCode: '371402001' }, county);
    expect(job.status).toBe(202);
    for (let i = 0; i < 300; i++) {
      const j = await api.get(`/api/v1/staff/ledger-jobs/${job.body.id}`, county);
      if (j.body.status === 'done') break;
      if (j.body.status === 'failed') throw new Error(JSON.stringify(j.body));
      await new Promise((r) => setTimeout(r, 100));
    }
    const person = await phoneOf('ch-b-beneficiary');
    await open(person, '/packages/happiness/pages/index/index');
    await person.getByText('其他帮助', { exact: true }).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
    await person.getByText(/慈善项目.*：1 次，价值约 50\.00 元/).filter({ visible: true }).first().waitFor();
    await person.screenshot({ path: shot('happiness'), fullPage: true });
  });

  it('the organisation files a quarterly report; the donor is told', async () => {
    const org = await phoneOf('ch-b-org');
    await open(org, `/packages/charity/pages/manage/index?id=${projectId}`);
    await button(org, '提交报告').click();
    await testId(org, 'report-form').first().waitFor();
    await field(org, '报告标题，如 2026年第四季度进展').fill(REPORT_TITLE);
    await field(org, '进展、支出、受助情况（不写受助人的身份证号、电话、住址）').fill('本季度共收到捐款 100 元，已向 1 位独居老人发放慰问金 50 元，棉被将于下月采购。');
    await button(org, '发布报告').click();
    await testId(org, 'next-report-due').first().waitFor();

    const donor = await phoneOf('ch-b-donor');
    await open(donor, '/pages/mine/index');
    await testId(donor, 'mine-donations').first().click();
    const notice = testId(donor, 'charity-notice').first();
    await notice.waitFor();
    expect(await notice.innerText()).toContain(REPORT_TITLE);
    await notice.click();
    await testId(donor, 'report').filter({ hasText: REPORT_TITLE }).first().waitFor();
    await donor.screenshot({ path: shot('report'), fullPage: true });
  });

  it('when the next report is overdue the project leaves the square and stops taking donations', async () => {
    // The schedule job at a day past the next due date (four months on: reports are due every three).
    const later = new Date(Date.now() + 122 * 24 * 3600 * 1000);
    expect((await stack.app.charity.schedule.run(later)).flagged).toBe(1);

    const donor = await phoneOf('ch-b-donor');
    await open(donor, '/packages/charity/pages/square/index');
    await donor.getByText('个项目正在募捐', { exact: false }).filter({ visible: true }).first().waitFor();
    expect(await testId(donor, 'project-card').filter({ hasText: TITLE }).count()).toBe(0);
    await open(donor, `/packages/charity/pages/project/index?id=${projectId}`);
    await testId(donor, 'report-overdue').first().waitFor();
    await testId(donor, 'not-raising').first().waitFor();
    expect(await button(donor, '我要捐赠').count()).toBe(0);
    await donor.screenshot({ path: shot('overdue'), fullPage: true });

    const org = await phoneOf('ch-b-org');
    await open(org, '/packages/charity/pages/org/index');
    const card = testId(org, 'org-project').filter({ hasText: TITLE }).first();
    await card.waitFor();
    expect(await card.innerText()).toContain('报告逾期');
  });

  it('every 慈善筹 screen in 长辈模式, on this story’s content: text ≥ 18 px, targets ≥ 60 px, contrast ≥ 4.5:1', async () => {
    const county371402 = { role: 'staff', regionCode: '371402', level: 'county' };
    const screens: [string, string, Record<string, unknown>][] = [
      ['/packages/charity/pages/square/index', 'ch-b-donor', {}],
      [`/packages/charity/pages/project/index?id=${projectId}`, 'ch-b-donor', {}],
      [`/packages/charity/pages/donate/index?id=${projectId}`, 'ch-b-donor', {}],
      ['/packages/charity/pages/donations/index', 'ch-b-donor', {}],
      ['/packages/charity/pages/org/index', 'ch-b-org', {}],
      [`/packages/charity/pages/edit/index?id=${projectId}`, 'ch-b-org', {}],
      [`/packages/charity/pages/manage/index?id=${projectId}`, 'ch-b-org', {}],
      ['/packages/charity/pages/review/index', 'ch-b-county', county371402],
      [`/packages/charity/pages/review/index?id=${projectId}`, 'ch-b-county', county371402],
    ];
    const failures: string[] = [];
    for (const [route, openid, extra] of screens) {
      const page = await phoneOf(openid, extra, true);
      await open(page, route);
      await page.locator('[data-testid="page-shell"]').filter({ visible: true }).first().waitFor();
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.getByText('加载中…', { exact: true }).filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
      expect(await page.locator('.page-shell--elder').count()).toBeGreaterThan(0);
      const findings: Finding[] = await page.evaluate(measurePage, { minText: 18, minTarget: 60, minContrast: 4.5 });
      failures.push(...findings.map((f) => `${route}: ${f.kind} ${f.element} — ${f.detail}`));
      await page.close();
    }
    expect(failures).toEqual([]);
  });
});
