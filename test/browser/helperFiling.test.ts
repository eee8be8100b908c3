/**
 * 帮办代办 on the H5 build against the real API (issue 9 §1): a verified community worker filed
 * dibao in 王大爷's name. Staff see it flagged as not yet confirmed; 王大爷 (verified) opens the
 * case, reads the authorization and confirms it with his own tick, and the flag is gone. A helper
 * who has not verified themselves is asked to verify before filing for someone.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { launchChromium } from '../support/browser';
import { applicationsKit, idNumber } from '../support/applications';

jest.setTimeout(150_000);

const WANG_ID = idNumber('37140219510204001');

describe('帮办代办: the person confirms the filing made in their name (H5)', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let kit: ReturnType<typeof applicationsKit>;
  let wangToken: string;
  let applicationId: string;

  beforeAll(async () => {
    stack = await startStack();
    kit = applicationsKit(stack);
    const helper = await kit.resident('t-helper-browser', { name: '社区刘主任' });
    wangToken = (await kit.resident('demo-resident-wang', { name: '王大爷', idNumber: WANG_ID })).token;
    await kit.resident('demo-resident-li', { name: '李阿姨', verify: false });
    const filed = await kit.submitted(helper.token, 'dibao', { onBehalfOf: { name: '王大爷', idNumber: WANG_ID, regionCode: '371402001', relation: '社区工作人员' } });
    expect(filed).toMatchObject({ filedByHelper: true, applicantConfirmed: false });
    applicationId = filed.id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  async function phone(account: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(stack.baseUrl);
    await visible(page, '演示环境 · 仅用于测试').waitFor();
    await button(page, account).click();
    await visible(page, '申请救助').waitFor();
    return page;
  }
  const visible = (page: Page, text: string, exact = true) => page.getByText(text, { exact }).filter({ visible: true }).first();
  const button = (page: Page, label: string) => page.locator('taro-button-core').filter({ hasText: label }).filter({ visible: true }).first();

  it('staff see the helper filing flagged as not confirmed by the person', async () => {
    const staff = await phone('街道工作人员（德州 新华街道）');
    await staff.goto(`${stack.baseUrl}/#/packages/staff/pages/index/index`);
    const row = staff.locator('[data-testid="queue-row"]').filter({ visible: true }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('代办·待本人确认');
  });

  it('王大爷 confirms it with his own tick of the authorization; only that request is sent', async () => {
    const wang = await phone('居民 王大爷');
    const sent: string[] = [];
    wang.on('request', (r: Request) => { if (r.method() === 'POST') sent.push(new URL(r.url()).pathname); });
    await wang.goto(`${stack.baseUrl}/#/packages/assistance/pages/detail/index?id=${applicationId}`);
    const card = wang.locator('[data-testid="confirm-filing"]').filter({ visible: true }).first();
    await card.waitFor();
    expect(await card.innerText()).toContain('有人（代办人：社区工作人员）以您的名义提交了这份最低生活保障（低保）申请');
    expect(await card.innerText()).toContain('家庭经济状况核对授权书');
    const confirm = button(wang, '确认是我本人的申请');
    expect(await confirm.getAttribute('aria-disabled')).toBe('true');
    await confirm.dispatchEvent('click'); // straight to the element (a forced click may land on the sticky bar above it)
    await wang.waitForTimeout(300);
    expect(sent).toEqual([]);

    await wang.locator('[data-testid="confirm-consent"]').filter({ visible: true }).first().click();
    await confirm.click();
    await card.waitFor({ state: 'detached' });
    expect(sent).toEqual([`/api/v1/applications/${applicationId}/confirm`]);
    expect(await visible(wang, '待申请人本人确认（或工作人员受理时当面核对）').count()).toBe(0);
    await wang.screenshot({ path: '/tmp/dajiuzhu-helper-confirmed.png', fullPage: true });
    const seen = await kit.api.get(`/api/v1/applications/${applicationId}`, wangToken);
    expect(seen.body).toMatchObject({ applicantConfirmed: true, canConfirm: false });
  });

  it('a helper who has not verified themselves is asked to verify before filing for someone', async () => {
    const li = await phone('居民 李阿姨');
    await li.goto(`${stack.baseUrl}/#/packages/assistance/pages/apply/index?programme=dibao`);
    await visible(li, '为他人代办（帮办代办）').click();
    await visible(li, '代他人申请前，请先完成本人实名核验。').waitFor();
    expect(await button(li, '开始申请').getAttribute('aria-disabled')).toBe('true');
    await button(li, '去实名核验').click();
    await li.getByTestId('identity-status').filter({ hasText: '未核验' }).filter({ visible: true }).first().waitFor();
  });
});
