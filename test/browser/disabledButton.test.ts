/**
 * A disabled button does nothing: on the staff ledger page 开始导入 is disabled until a file is
 * chosen. A real tap on it (touch at its centre) sends no request; once a file is chosen, the same
 * tap sends the import — so the silence before was the button, not a tap that never landed.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { launchChromium } from '../support/browser';
import { client } from '../support/http';

jest.setTimeout(120_000);

describe('a disabled button sends nothing (H5)', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const s = await client(stack.baseUrl).signIn('demo-staff-dezhou-county', { role: 'staff', level: 'county', regionCode: '371400' });
    await context.addInitScript((tokens) => localStorage.setItem('dajiuzhu.tokens', JSON.stringify({ data: tokens })), { accessToken: s.accessToken, refreshToken: s.refreshToken, expiresIn: 900 });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  /** A real tap at the centre of the element (not a click that Playwright would refuse on a disabled one). */
  async function tapCentre(label: string) {
    const el = page.locator('taro-button-core').filter({ hasText: label }).filter({ visible: true }).first();
    const box = await el.boundingBox();
    if (!box) throw new Error(`${label} is not on screen`);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    return el;
  }

  it('开始导入 without a file: disabled, and tapping it sends nothing', async () => {
    await page.goto(`${stack.baseUrl}/#/packages/ledger-staff/pages/index/index`);
    await page.getByText('导入其他部门的发放数据', { exact: true }).filter({ visible: true }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const sent: Request[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/')) sent.push(r); });

    const button = await tapCentre('开始导入');
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    await tapCentre('开始导入');

    // Now make the same button live and tap it: its request is the first one sent after the taps.
    const csv = '/tmp/dajiuzhu-disabled-button.csv';
    writeFileSync(csv, '身份证号,姓名,金额,发放月份\n');
    await page.locator('[data-testid="import-file"]').setInputFiles(csv);
    await page.locator('taro-button-core[aria-disabled="true"]').filter({ hasText: '开始导入' }).waitFor({ state: 'detached' });
    const imported = page.waitForRequest((r) => r.url().includes('/api/v1/staff/ledger/imports') && r.method() === 'POST');
    await tapCentre('开始导入');
    const first = await imported;
    expect(sent[0]).toBe(first);
  });
});
