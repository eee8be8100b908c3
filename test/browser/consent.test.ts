/**
 * Consent cannot be skipped from the browser (issue 9 §2), on the H5 build against the real API:
 * the resident's draft is complete but the 家庭经济状况核对授权书 is not ticked. The greyed-out
 * 提交申请 looks disabled, and tapping it (clicked, tapped, or sent a click event) sends nothing and
 * records no consent. Ticking records consent (the tick alone), unticking withdraws it, the button
 * looks enabled exactly when it is, and the submit sends the submit alone.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { launchChromium } from '../support/browser';
import { applicationsKit } from '../support/applications';

jest.setTimeout(120_000);

describe('授权书 consent and the disabled 提交申请 (H5)', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let draftId: string;
  const apiRequests: { method: string; path: string; body: string | null }[] = [];

  beforeAll(async () => {
    stack = await startStack();
    const kit = applicationsKit(stack);
    // 王大爷 files for himself (his own filing needs no verification); the draft is complete, consent not given.
    const wang = await kit.resident('demo-resident-wang', { name: '王大爷', verify: false });
    token = wang.token;
    const d = await kit.api.post('/api/v1/applications/drafts', { programme: 'dibao' }, token);
    expect(d.status).toBe(201);
    draftId = d.body.id;
    const idCard = await kit.upload(token);
    const register = await kit.upload(token, undefined, '户口簿.pdf');
    const self = d.body.form.members[0];
    const saved = await kit.api.put(`/api/v1/applications/drafts/${draftId}`, {
      form: { hukou: 'urban', members: [{ ...self, age: 70, canWork: false }], reason: '年老体弱，无收入，生活困难' },
      documents: [{ item: 'idCard', fileId: idCard.body.id }, { item: 'householdRegister', fileId: register.body.id }],
      currentStep: 5, // the review step
    }, token);
    expect(saved.status).toBe(200);
    expect(saved.body.problems.filter((p: { path: string }) => p.path !== '/consent')).toEqual([]);
    expect(saved.body.consent).toBeNull();

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('request', (r: Request) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) apiRequests.push({ method: r.method(), path: url.pathname, body: r.postData() });
    });
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  const visibleText = (text: string, exact = true) => page.getByText(text, { exact }).filter({ visible: true }).first();
  const submit = (): Locator => page.locator('taro-button-core').filter({ hasText: '提交申请' }).filter({ visible: true }).first();
  const tick = () => page.locator('[data-testid="consent"]').filter({ visible: true }).first();
  const consentPath = () => `/api/v1/applications/drafts/${draftId}/consent`;
  const consentRequests = () => apiRequests.filter((r) => r.path === consentPath()).map((r) => r.method);
  const submits = () => apiRequests.filter((r) => r.method === 'POST' && r.path === '/api/v1/applications');
  const storedConsent = async () => (await applicationsKit(stack).api.get(`/api/v1/applications/drafts/${draftId}`, token)).body.consent;
  /** How the button looks: its own opacity and the colour of its label. */
  const look = (button: Locator) => button.evaluate((el) => {
    const style = getComputedStyle(el);
    return { opacity: Number(style.opacity), color: style.color, ariaDisabled: el.getAttribute('aria-disabled'), disabledAttribute: el.hasAttribute('disabled') };
  });

  it('the greyed-out 提交申请 looks disabled, and no tap goes through: nothing sent, no consent recorded', async () => {
    await page.goto(stack.baseUrl);
    await visibleText('演示环境 · 仅用于测试').waitFor();
    await page.locator('taro-button-core').filter({ hasText: '居民 王大爷' }).first().click();
    await visibleText('申请救助').waitFor();
    await page.goto(`${stack.baseUrl}/#/packages/assistance/pages/form/index?id=${draftId}`);
    await visibleText('请核对申请内容').waitFor();
    await visibleText('请阅读授权书并勾选同意后提交').waitFor();

    expect(await look(submit())).toEqual({ opacity: 0.6, color: expect.any(String), ariaDisabled: 'true', disabledAttribute: true });
    await page.screenshot({ path: '/tmp/dajiuzhu-consent-disabled.png', fullPage: true });

    // Every way a finger or a script can press it.
    await submit().click({ force: true });
    await submit().tap({ force: true });
    await submit().dispatchEvent('click');
    await submit().locator('text=提交申请').first().click({ force: true });
    await page.waitForTimeout(800);
    await page.waitForLoadState('networkidle');

    expect(submits()).toHaveLength(0);
    expect(consentRequests()).toEqual([]);
    expect(await storedConsent()).toBeNull();
    expect((await applicationsKit(stack).api.get('/api/v1/applications', token)).body.applications).toEqual([]);
    await visibleText('请核对申请内容').waitFor(); // still on the review page
  });

  it('the tick records consent and enables the button (which then looks enabled); unticking withdraws it', async () => {
    await tick().click();
    await page.waitForFunction(() => {
      const b = Array.from(document.querySelectorAll('taro-button-core')).find((el) => el.textContent?.includes('提交申请') && (el as HTMLElement).offsetParent);
      return b && !b.hasAttribute('aria-disabled');
    });
    const enabled = await look(submit());
    expect(enabled).toEqual({ opacity: 1, color: 'rgb(255, 255, 255)', ariaDisabled: null, disabledAttribute: false });
    expect(consentRequests()).toEqual(['POST']);
    const signed = apiRequests.find((r) => r.path === consentPath() && r.method === 'POST')!;
    expect(JSON.parse(signed.body!)).toEqual({ textVersion: '2026-01', agreed: true });
    expect(await storedConsent()).toMatchObject({ textVersion: '2026-01' });
    await page.screenshot({ path: '/tmp/dajiuzhu-consent-enabled.png', fullPage: true });

    await tick().click();
    await page.waitForFunction(() => document.querySelector('[data-testid="consent"][aria-checked="false"]'));
    expect(await look(submit())).toMatchObject({ opacity: 0.6, ariaDisabled: 'true' });
    expect(consentRequests()).toEqual(['POST', 'DELETE']);
    expect(await storedConsent()).toBeNull();
    await submit().click({ force: true });
    await page.waitForTimeout(300);
    expect(submits()).toHaveLength(0);
  });

  it('ticked again, 提交申请 submits: the submit alone, consent only from the ticks', async () => {
    await tick().click();
    await submit().click(); // Playwright waits until it is enabled
    await visibleText('已提交，待受理').waitFor();
    expect(submits()).toHaveLength(1);
    expect(consentRequests()).toEqual(['POST', 'DELETE', 'POST']);
    const saved = await stack.app.db.collection('applications').find({}).toArray();
    expect(saved).toHaveLength(1);
    expect(saved[0].consent.textVersion).toBe('2026-01');
  });
});
