/**
 * Issue 13's demo story, seen as each demo role sees it: the demo data `npm start` loads (the full
 * story, docs/demo.md), then each role's first screen in Chromium at 390 × 844 shows that role's
 * own content first — not an empty desk, not the resident services.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, shanghaiYear } from '@dajiuzhu/shared';
import { seedDemoData, type DemoSeedOptions } from '../../server/src/core/seed/demo';
import { demoStory } from '../../server/src/domains/demoStory';
import { development } from '../../config/env/development';
import { startStack, type Stack } from '../support/stack';
import { launchChromium } from '../support/browser';
import { client } from '../support/http';

jest.setTimeout(300_000);

/** What `npm start` passes (server/src/main.ts). */
/** The whole story `npm start` loads. */
const OPTIONS: DemoSeedOptions = demoStory(7);

/** Each demo account and what its first screen must show (and must not). */
const FIRST_SCREENS: { openid: string; shows: string[]; notShown?: string[] }[] = [
  { openid: 'demo-resident-wang', shows: ['我的事项', `${shanghaiYear()}年幸福清单`, '临时救助'] },
  { openid: 'demo-resident-li', shows: ['我的事项', `${shanghaiYear()}年幸福清单`] },
  { openid: 'demo-staff-dezhou-township', shows: ['我的工作台', '全部待办', '心愿审核'], notShown: ['当前没有待办的申请'] },
  { openid: 'demo-staff-dezhou-county', shows: ['我的工作台', '救助台账', '监测预警'], notShown: ['当前没有待办的申请'] },
  { openid: 'demo-donor-zhang', shows: ['我要帮扶', '我认领的心愿'] },
  { openid: 'demo-gridworker-dezhou', shows: ['网格员工作台（监测预警）'] },
  { openid: 'demo-admin', shows: ['系统管理'] },
];

describe('each demo role opens on its own content (H5)', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack({ overrides: development });
    const report = await seedDemoData(stack.app, OPTIONS);
    expect(report.failed).toEqual([]);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  async function homeAs(openid: string): Promise<Page> {
    const account = DEMO_ACCOUNTS.find((a) => a.openid === openid);
    if (!account) throw new Error(`no demo account ${openid}`);
    const { label: _label, description: _description, ...body } = account;
    const s = await client(stack.baseUrl).signIn(openid, body);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    // Signed in as the 演示登录 screen leaves it (Taro H5 keeps storage as localStorage JSON `{ data }`).
    await context.addInitScript((tokens) => localStorage.setItem('dajiuzhu.tokens', JSON.stringify({ data: tokens })), { accessToken: s.accessToken, refreshToken: s.refreshToken, expiresIn: 900 });
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/#/pages/index/index`);
    return page;
  }

  it.each(FIRST_SCREENS)('$openid', async ({ openid, shows, notShown }) => {
    const page = await homeAs(openid);
    for (const text of shows) await page.getByText(text, { exact: false }).filter({ visible: true }).first().waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    for (const text of notShown ?? []) expect(await page.getByText(text, { exact: false }).filter({ visible: true }).count()).toBe(0);
    await page.context().close();
  });
});
