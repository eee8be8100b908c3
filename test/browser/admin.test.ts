/**
 * The administrator's invitation flow in the H5 build (phone viewport), against the real API:
 * the admin creates a staff invitation on 系统管理 → a new person redeems the code on 使用邀请码 and
 * becomes staff of 新华街道 → the admin finds them in 人员 (name masked, region by name) and
 * deactivates them → the person's session has ended (401) and they are gone from the staff list.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkCharFor } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { launchChromium } from '../support/browser';
import { client, expectEnvelope } from '../support/http';

jest.setTimeout(120_000);

const VIEWPORT = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };

describe('系统管理: invite, redeem, list, deactivate (H5)', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  /** A phone signed in as `openid` (tokens in Taro's storage before the app starts). */
  async function phoneOf(openid: string, extra: Record<string, unknown> = {}): Promise<Page> {
    const s = await client(stack.baseUrl).signIn(openid, extra);
    const context = await browser.newContext(VIEWPORT);
    contexts.push(context);
    await context.addInitScript((tokens) => localStorage.setItem('dajiuzhu.tokens', JSON.stringify({ data: tokens })), { accessToken: s.accessToken, refreshToken: s.refreshToken, expiresIn: 900 });
    return context.newPage();
  }

  const visible = (page: Page, text: string, exact = true) => page.getByText(text, { exact }).filter({ visible: true }).first();
  const button = (page: Page, label: string) => page.locator('taro-button-core').filter({ hasText: label }).filter({ visible: true }).first();
  const testId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).filter({ visible: true }).first();
  const input = (page: Page, id: string) => page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).filter({ visible: true }).first();

  it('an admin invites staff, the newcomer redeems the code, appears in 人员, and is deactivated', async () => {
    const api = client(stack.baseUrl);
    const admin = await phoneOf('adm-browser-admin', { role: 'admin' });
    await admin.goto(`${stack.baseUrl}/#/packages/admin/pages/index/index`);
    await visible(admin, '发出邀请').waitFor();

    // 工作人员 · 乡镇（街道） · 371402001: the name is read back before anything is sent.
    await input(admin, 'invite-region').fill('371402001');
    await visible(admin, '德州市德城区新华街道').waitFor();
    await input(admin, 'invite-note').fill('新华街道 新同事');
    await button(admin, '生成邀请码').click();
    const code = (await testId(admin, 'invite-code').innerText()).trim();
    expect(code.length).toBeGreaterThanOrEqual(12);
    await testId(admin, 'invitation-row').filter({ hasText: '待使用' }).waitFor();
    await admin.screenshot({ path: '/tmp/dajiuzhu-admin-invite.png' });

    // The newcomer: a resident with a real-name profile, redeeming on 使用邀请码.
    const newcomerTokens = await api.signIn('adm-browser-newcomer');
    await api.put('/api/v1/me/profile', { name: '赵新来', idNumber: '37140219900101003' + checkCharFor('37140219900101003'), phone: '13800000021', hukou: 'urban', regionCode: '371402001' }, newcomerTokens.accessToken);
    const newcomer = await phoneOf('adm-browser-newcomer');
    await newcomer.goto(`${stack.baseUrl}/#/packages/admin/pages/redeem/index`);
    await input(newcomer, 'redeem-code').fill(code);
    await button(newcomer, '确认使用').click();
    await visible(newcomer, '您已成为工作人员（德州市德城区新华街道）').waitFor();
    await newcomer.screenshot({ path: '/tmp/dajiuzhu-admin-redeemed.png' });
    const stored = await newcomer.evaluate(() => JSON.parse(localStorage.getItem('dajiuzhu.tokens') ?? '{}').data as { accessToken: string });
    expect((await api.get('/api/v1/me', stored.accessToken)).body.roles).toContain('staff');

    // The admin's list: the invitation is used; 人员 shows the newcomer, masked, by region name.
    await admin.reload();
    await visible(admin, '发出邀请').waitFor();
    await testId(admin, 'invitation-row').filter({ hasText: '已使用' }).waitFor();
    await testId(admin, 'admin-tabs').getByText('人员', { exact: true }).click();
    const row = testId(admin, 'person-row').filter({ hasText: '赵**' });
    await row.waitFor();
    expect(await row.innerText()).toContain('德州市德城区新华街道');
    expect(await admin.content()).not.toContain('赵新来');

    await row.locator('taro-button-core').filter({ hasText: '停用' }).click();
    await testId(admin, 'deactivate-reason').getByText('调离岗位', { exact: true }).click();
    await admin.screenshot({ path: '/tmp/dajiuzhu-admin-deactivate.png' });
    await button(admin, '确认停用').click();
    await testId(admin, 'person-row').filter({ hasText: '赵**' }).waitFor({ state: 'detached' });

    // The newcomer's session ended at once; signing in again, they are a resident.
    expectEnvelope(await api.get('/api/v1/me', stored.accessToken), 401, 'TOKEN_INVALID');
    expect((await api.signIn('adm-browser-newcomer')).user.roles).toEqual(['resident']);
  });
});
