/**
 * 实名核验 on the H5 build against the real API and database, with the demo verifier (what
 * `npm start` uses in development): the demo resident's saved profile is only a claim, so 幸福清单
 * asks them to verify first (and asks the server for nothing about them); from there the 实名信息
 * page shows 未核验 and a clearly labelled 演示核验 button, in 长辈模式 with large text and targets;
 * one tap verifies, the page says it was a demo verification, the server agrees, and 幸福清单
 * then asks for the statement.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { launchChromium } from '../support/browser';
import { client } from '../support/http';
import { freshIdNumber } from '../support/identity';

jest.setTimeout(120_000);

describe('实名核验 in the browser (H5, demo verifier)', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  const apiRequests: { method: string; path: string }[] = [];

  beforeAll(async () => {
    stack = await startStack({ overrides: { identity: { verifier: 'demo' } } });
    // 王大爷 (a demo account) has saved his real-name profile: a claim, not yet verified.
    const api = client(stack.baseUrl);
    const wang = await api.signIn('demo-resident-wang');
    token = wang.accessToken;
    const saved = await api.put('/api/v1/me/profile', { name: '王大爷', idNumber: freshIdNumber(), phone: '13800138000', hukou: 'urban', regionCode: '371402001' }, token);
    expect(saved.status).toBe(200);
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

  const visibleText = (text: string, exact = true) => page.getByText(text, { exact }).filter({ visible: true }).first();
  const button = (label: string) => page.locator('taro-button-core').filter({ hasText: label }).filter({ visible: true }).first();
  const happinessReads = () => apiRequests.filter((r) => r.path.startsWith('/api/v1/happiness-lists'));

  it('幸福清单 asks an unverified account to verify first, and asks the server nothing about the person', async () => {
    await page.goto(stack.baseUrl);
    await visibleText('演示环境 · 仅用于测试').waitFor();
    await button('居民 王大爷').click();
    await visibleText('申请救助').waitFor();

    // 我的 says the profile is saved but not verified; 长辈模式 on for the rest.
    await visibleText('我的').click();
    await page.getByText(/^王大爷 · .+ · 未核验$/).filter({ visible: true }).first().waitFor();
    await visibleText('长辈模式').click();
    await page.locator('.page-shell--elder').filter({ visible: true }).first().waitFor();

    await visibleText('首页').click();
    await visibleText('幸福清单').click();
    await visibleText('请先完成实名核验').waitFor();
    await page.waitForLoadState('networkidle');
    expect(happinessReads()).toHaveLength(0);
    expect(await page.locator('.notice--error').filter({ visible: true }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/dajiuzhu-identity-gate.png', fullPage: true });
  });

  it('the 实名信息 page verifies with the demo verifier, says it is a demo, and the server agrees', async () => {
    await button('去实名核验').click();
    const status = page.getByTestId('identity-status').filter({ visible: true }).first();
    await status.waitFor();
    expect(await status.innerText()).toBe('未核验');
    await visibleText('演示环境：演示账号可使用“演示核验”', false).waitFor();

    // 长辈模式: the message ≥ 18px, the action ≥ 60px tall.
    const verify = button('演示核验（仅限演示账号）');
    expect((await verify.boundingBox())!.height).toBeGreaterThanOrEqual(60);
    const messageSize = await visibleText('演示环境：演示账号可使用“演示核验”', false).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(messageSize).toBeGreaterThanOrEqual(18);
    const hintSize = await visibleText('演示环境专用：只对演示账号有效，不是真实的实名核验。').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(hintSize).toBeGreaterThanOrEqual(18);
    await page.screenshot({ path: '/tmp/dajiuzhu-identity-unverified.png', fullPage: true });

    await verify.click();
    await page.getByTestId('identity-status').filter({ hasText: '已核验' }).filter({ visible: true }).first().waitFor();
    await visibleText('核验方式：演示核验（不是真实的实名核验）', false).waitFor();
    await visibleText('演示核验：仅用于演示账号，不是真实的实名核验').waitFor();
    expect(await page.locator('taro-button-core').filter({ hasText: '演示核验' }).filter({ visible: true }).count()).toBe(0);
    expect(apiRequests.filter((r) => r.method === 'POST' && r.path === '/api/v1/me/identity/demo-verification')).toHaveLength(1);
    await page.screenshot({ path: '/tmp/dajiuzhu-identity-verified.png', fullPage: true });

    const identity = await client(stack.baseUrl).get('/api/v1/me/identity', token);
    expect(identity.body).toMatchObject({ verifier: 'demo', status: 'verified', demo: true, verification: { method: 'demo' } });
  });

  it('back on 幸福清单 the prompt is gone and the statement is asked for', async () => {
    await page.goBack();
    await page.waitForURL(/packages\/happiness\/pages\/index/);
    await page.getByTestId('verify-prompt').filter({ visible: true }).first().waitFor({ state: 'hidden' });
    await page.waitForLoadState('networkidle');
    expect(happinessReads().length).toBeGreaterThan(0);
    expect(await visibleText('请先完成实名核验').count()).toBe(0);
  });
});
