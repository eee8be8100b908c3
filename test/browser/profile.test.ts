/**
 * The H5 build in a phone-sized Chromium against the real API and database:
 * demo sign-in → 我的 → 实名信息 → check-digit error shown on the phone (nothing sent) →
 * fixed number saved → only the masked number on screen, marked 未核验 (a claim is not proof; on H5
 * with WeChat's verifier the page says where to verify) → 长辈模式 makes the text large.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { startStack } from '../support/stack';
import { launchChromium } from '../support/browser';

// testTimeout in a jest project entry is not applied per project: set it here.
jest.setTimeout(90_000);

const RAW_ID_PREFIX = '11010519491231002';
const WRONG_ID = `${RAW_ID_PREFIX}1`;
const RIGHT_ID = `${RAW_ID_PREFIX}X`;
const MASKED_ID = '1***************2X';
const CHECK_DIGIT_MESSAGE = '身份证号最后一位校验码不对，请核对后重新输入';

describe('实名信息 in the browser (H5)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const apiRequests: { method: string; path: string }[] = [];

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('request', (r: Request) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) apiRequests.push({ method: r.method(), path: url.pathname });
    });
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  /** Pages earlier in the H5 stack stay in the DOM (hidden): always act on the visible one. */
  const visibleText = (text: string, exact = true) => page.getByText(text, { exact }).filter({ visible: true }).first();
  /** Taro buttons: click the taro-button-core element itself (its inner text does not take the click). */
  const button = (label: string) => page.locator('taro-button-core').filter({ hasText: label }).filter({ visible: true }).first();
  /** Taro inputs: the native <input> inside taro-input-core carries the placeholder too. */
  const field = (placeholder: string) => page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true }).first();
  const profileSaves = () => apiRequests.filter((r) => r.method === 'PUT' && r.path === '/api/v1/me/profile');

  it('signs in with a demo account, catches a wrong check digit on the phone, saves and shows only the masked ID', async () => {
    await page.goto(stack.baseUrl);

    // Demo sign-in screen opens by itself (dev sign-in enabled, no token stored).
    await visibleText('演示环境 · 仅用于测试').waitFor();
    await page.screenshot({ path: '/tmp/dajiuzhu-demo-sign-in.png' });
    await button('居民 王大爷').click();

    // Back on 首页 with the service grid.
    await visibleText('申请救助').waitFor();
    await visibleText('政策测算').waitFor();
    expect(await page.getByText('工作台', { exact: true }).filter({ visible: true }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/dajiuzhu-home.png' });

    // 我的 → 实名信息
    await visibleText('我的').click();
    await visibleText('未填写实名信息').waitFor();
    await visibleText('实名信息').click();
    await field('请输入姓名').waitFor();

    await field('请输入姓名').fill('王大爷');
    await field('请输入18位身份证号').fill(WRONG_ID);
    await field('请输入手机号').click(); // leaving the ID field checks it
    await visibleText(CHECK_DIGIT_MESSAGE).waitFor();
    await field('请输入手机号').fill('13800138000');
    await visibleText('城镇').click();
    await visibleText('德州市德城区新华街道').click();

    // Pressing 提交 with the wrong number keeps the message and sends nothing.
    await button('提交实名信息').click();
    await visibleText(CHECK_DIGIT_MESSAGE).waitFor();
    await page.waitForTimeout(300);
    expect(profileSaves()).toHaveLength(0);
    await page.screenshot({ path: '/tmp/dajiuzhu-profile-error.png', fullPage: true });

    // Fix it and submit.
    await field('请输入18位身份证号').fill(RIGHT_ID);
    await button('提交实名信息').click();
    await visibleText(MASKED_ID).waitFor();
    // Saved is only claimed: 未核验, and on H5 (WeChat's verifier) where verification is done.
    await page.getByTestId('identity-status').filter({ hasText: '未核验' }).filter({ visible: true }).first().waitFor();
    await visibleText('人脸核验请在微信小程序“大救助”中进行', false).waitFor();
    expect(await page.locator('taro-button-core').filter({ hasText: '核验' }).filter({ visible: true }).count()).toBe(0);
    expect(profileSaves()).toHaveLength(1);
    expect(await page.getByText(CHECK_DIGIT_MESSAGE).filter({ visible: true }).count()).toBe(0);

    const text = await page.locator('body').innerText();
    expect(text).toContain(MASKED_ID);
    expect(text).not.toContain(RAW_ID_PREFIX);
    expect(await page.content()).not.toContain(RAW_ID_PREFIX);
    await page.screenshot({ path: '/tmp/dajiuzhu-profile-saved.png', fullPage: true });
  });

  it('长辈模式 in 我的 makes body text at least 18px and tap targets at least 60px', async () => {
    await page.goBack();
    await visibleText('长辈模式').waitFor();
    // 我的 now shows the claim, masked, and that it is not verified.
    await visibleText(`王大爷 · ${MASKED_ID} · 未核验`).waitFor();

    const row = page.locator('.list__item', { hasText: '实名信息' }).filter({ visible: true }).first();
    expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    await visibleText('长辈模式').click();
    await page.locator('.page-shell--elder').filter({ visible: true }).first().waitFor();

    const fontSize = await visibleText('实名信息').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    const bodyLine = await page.locator('.card__line').filter({ visible: true }).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(bodyLine).toBeGreaterThanOrEqual(18);
    expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(60);
    await page.screenshot({ path: '/tmp/dajiuzhu-elder-mode.png', fullPage: true });

    // It persists across a reload (Taro storage).
    await page.reload();
    await page.locator('.page-shell--elder').filter({ visible: true }).first().waitFor();
  });

  it('every service on the home grid opens its own page, with a way back', async () => {
    await visibleText('首页').click();
    await visibleText('幸福清单').click();
    await page.waitForURL(/packages\/happiness\/pages\/index/);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('body').innerText()).not.toContain('该服务正在建设中');
    await page.screenshot({ path: '/tmp/dajiuzhu-happiness-from-home.png' });
    await page.goBack();
    await visibleText('申请救助').waitFor();

    await visibleText('办事').click();
    await visibleText('查看今年领取的每一项救助和金额').waitFor();
  });
});
