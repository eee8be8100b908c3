/**
 * The "Done when", in a phone-sized Chromium against the real API and database:
 * staff import a CSV with good and bad rows and read the report; run a month's payment; publish
 * the year; the beneficiary opens the 幸福清单, sees the right totals per programme and month,
 * downloads the PDF, and raises a question that staff answer.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStack } from '../support/stack';
import { launchChromium } from '../support/browser';
import { client } from '../support/http';
import { verifyIdentity } from '../support/identity';
import { checkCharFor } from '@dajiuzhu/shared';

jest.setTimeout(180_000);

const id = (first17: string) => first17 + checkCharFor(first17);
const WANG = id('37140219520314001');
const BAD = '371402195203140010'; // wrong check digit (unless it happens to be right)
const YEAR = 2025;

describe('幸福清单 end to end (H5)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let browser: Browser;
  let staffCtx: BrowserContext;
  let wangCtx: BrowserContext;
  let staff: Page;
  let wang: Page;

  const ctx = () => browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', acceptDownloads: true });
  const visibleText = (page: Page, text: string, exact = true) => page.getByText(text, { exact }).filter({ visible: true }).first();
  const button = (page: Page, label: string) => page.locator('taro-button-core').filter({ hasText: label }).filter({ visible: true }).first();

  async function demoSignIn(page: Page, label: string) {
    await page.goto(stack.baseUrl);
    await visibleText(page, '演示环境 · 仅用于测试').waitFor();
    await button(page, label).click();
    await visibleText(page, '申请救助').waitFor();
  }

  beforeAll(async () => {
    stack = await startStack();
    // The beneficiary: 王大爷's verified real-name profile and an approved dibao entitlement (as the applications domain writes it).
    const api = client(stack.baseUrl);
    const s = await api.signIn('demo-resident-wang', { role: 'resident' });
    const saved = await api.put('/api/v1/me/profile', { name: '王建国', idNumber: WANG, phone: '13800000001', hukou: 'urban', regionCode: '371402001' }, s.accessToken);
    expect(saved.status).toBe(200);
    // Only a verified identity links the account to the statement about the person.
    await verifyIdentity(stack, s.accessToken);
    const profile = await stack.app.db.collection('profiles').findOne({ _id: s.user.id } as never);
    await stack.app.db.collection('entitlements').insertOne({
      _id: 'ent-browser', applicationId: 'ent-browser', programme: 'dibao', beneficiary: { userId: s.user.id, name: '王建国', idNumberCipher: 'x', idNumberMasked: profile!.idNumberMasked, idNumberBlindIndex: profile!.idNumberBlindIndex },
      regionCode: '371402001', regionKeys: [], payment: 'monthly', monthlyAmountFen: 75500, oneOffAmountFen: null, startMonth: '2025-01', nextRecheckOn: null, status: 'active', approvedAt: new Date(), approvedBy: 'test',
    } as never);
    browser = await launchChromium();
    staffCtx = await ctx();
    wangCtx = await ctx();
    staff = await staffCtx.newPage();
    wang = await wangCtx.newPage();
  });

  afterAll(async () => {
    await staffCtx?.close().catch(() => {});
    await wangCtx?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  it('staff import a CSV with good and bad rows and read the report', async () => {
    await demoSignIn(staff, '县级民政（德州市）');
    await staff.goto(`${stack.baseUrl}/#/packages/ledger-staff/pages/index/index`);
    await visibleText(staff, '导入其他部门的发放数据').waitFor();
    const csvPath = '/tmp/dajiuzhu-medical-import.csv';
    writeFileSync(csvPath, ['身份证号,姓名,金额,发放月份', `${WANG},王建国,1234.56,2025-05`, `${BAD},王建国,100,2025-05`, `${WANG},王建国,-20,2025-06`].join('\n') + '\n');
    await staff.locator('[data-testid="import-file"]').setInputFiles(csvPath);
    await button(staff, '开始导入').click();
    await visibleText(staff, '共 3 行：入账 1 行，重复 0 行，未入账 2 行').waitFor();
    await visibleText(staff, '身份证号校验码不对').waitFor();
    await visibleText(staff, '金额必须大于0').waitFor();
    await staff.screenshot({ path: '/tmp/dajiuzhu-ledger-import-report.png', fullPage: true });
  });

  it('runs a month\'s payment and publishes the year', async () => {
    await staff.locator('input[placeholder="发放月份，如 2025-03"]').fill('2025-03');
    await button(staff, '开始发放').click();
    await visibleText(staff, '2025-03 · 已完成：新发放 1 笔，已发过 0 笔，合计 755.00 元').waitFor();
    await staff.locator('input[placeholder="年度，如 2025"]').fill(String(YEAR));
    await button(staff, '发布本辖区清单').click();
    await visibleText(staff, '2025年 · 已完成：1/1 人，新版本 1 份，未变 0 份').waitFor();
    await staff.screenshot({ path: '/tmp/dajiuzhu-ledger-publish.png', fullPage: true });
  });

  it('the beneficiary opens the 幸福清单, sees the totals per programme and month, downloads the PDF and raises a question', async () => {
    await demoSignIn(wang, '居民 王大爷');
    await visibleText(wang, '幸福清单').click();
    await visibleText(wang, '全年合计 1989.56 元').waitFor();
    await visibleText(wang, '最低生活保障（低保）').waitFor();
    await visibleText(wang, '755.00 元').waitFor();
    await visibleText(wang, '1234.56 元').waitFor();
    expect(await wang.locator('body').innerText()).not.toContain(WANG);
    await wang.screenshot({ path: '/tmp/dajiuzhu-happiness-list.png', fullPage: true });

    // Expand dibao: March 755.00, the other months 0.00.
    await wang.locator('.hl-prog').filter({ hasText: '最低生活保障（低保）' }).filter({ visible: true }).first().click();
    await visibleText(wang, '每月发放的基本生活费，全年有 1 个月发放').waitFor();
    const months = await wang.locator('.hl-prog').filter({ hasText: '最低生活保障（低保）' }).locator('.hl-month').filter({ visible: true }).allInnerTexts();
    expect(months.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['1月 0.00', '2月 0.00', '3月 755.00', '4月 0.00', '5月 0.00', '6月 0.00', '7月 0.00', '8月 0.00', '9月 0.00', '10月 0.00', '11月 0.00', '12月 0.00']);
    await wang.screenshot({ path: '/tmp/dajiuzhu-happiness-expanded.png', fullPage: true });

    const [download] = await Promise.all([wang.waitForEvent('download'), button(wang, '下载打印版（PDF）').click()]);
    expect(download.suggestedFilename()).toBe('2025年幸福清单.pdf');
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

    // 保存为图片: a sharp PNG (three device pixels per CSS pixel) of the statement, without the ID number.
    const [picture] = await Promise.all([wang.waitForEvent('download'), button(wang, '保存为图片').click()]);
    expect(picture.suggestedFilename()).toBe('幸福清单-2025.png');
    const png = readFileSync((await picture.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(960); // width: 320 CSS px × 3

    await wang.locator('textarea[placeholder="请写下您的疑问，工作人员会尽快回复"]').filter({ visible: true }).first().fill('5月的医疗救助是哪一次？');
    await button(wang, '提交疑问').click();
    await visibleText(wang, '状态：等待回复').waitFor();
  });

  it('staff answer the question and the beneficiary sees the answer', async () => {
    await staff.reload();
    await visibleText(staff, '王** · 2025年：5月的医疗救助是哪一次？').waitFor();
    await staff.locator('textarea[placeholder="回复内容"]').filter({ visible: true }).first().fill('是5月12日住院费用的医疗救助。');
    await button(staff, '回复').click();
    await visibleText(staff, '暂无待回复的问题').waitFor();
    await staff.screenshot({ path: '/tmp/dajiuzhu-ledger-answered.png', fullPage: true });

    await wang.reload();
    await visibleText(wang, '工作人员回复：是5月12日住院费用的医疗救助。').waitFor();
    await visibleText(wang, '状态：已回复').waitFor();
    await wang.screenshot({ path: '/tmp/dajiuzhu-happiness-answered.png', fullPage: true });
  });
});
