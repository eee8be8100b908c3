/**
 * Issue 13's "Done when", measured: every H5 page in Chromium at 390 × 844, signed in as the demo
 * role the page is for,
 * - in 长辈模式: no visible text below 18 px and no tap target below 60 px;
 * - in the standard mode: no tap target below 44 px;
 * - in both: no text (placeholders included) below 4.5:1 contrast, and axe-core with no critical
 *   and no serious violation.
 * Every failing page and element is named in the assertion message; the findings of the run are
 * also written to A11Y_FINDINGS (default .tmp/a11y-findings.md) as a table per page.
 *
 * The pages come from app.config.ts (every page of every subpackage), so a new page is measured
 * without editing this file; ROLE_OF says who signs in for it.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, type DemoAccount } from '@dajiuzhu/shared/src/demo/accounts';
import { startStack, type Stack } from '../support/stack';
import { launchChromium } from '../support/browser';
import { client } from '../support/http';
import { applicationsKit, idNumber } from '../support/applications';
import { verifyIdentity } from '../support/identity';
import { measurePage, type Finding } from './accessibility.measure';
import { seedDemoData } from '../../server/src/core/seed/demo';
import { demoStory } from '../../server/src/domains/demoStory';
import { development } from '../../config/env/development';

jest.setTimeout(900_000);

const ROOT = path.resolve(__dirname, '../..');
const FINDINGS_FILE = process.env.A11Y_FINDINGS ?? path.join(ROOT, '.tmp/a11y-findings.md');
const SHOTS = process.env.A11Y_SHOTS ?? null;

/** Every page path of app.config.ts: the main package's and each subpackage's (root + page). */
function pagesOfAppConfig(): string[] {
  const text = readFileSync(path.join(ROOT, 'miniprogram/src/app.config.ts'), 'utf8');
  const list = (s: string) => Array.from(s.matchAll(/'([^']+)'/g), (m) => m[1]);
  const main = /\bpages:\s*\[([^\]]*)\]/.exec(text);
  const pages = main ? list(main[1]).map((p) => `/${p}`) : [];
  for (const m of text.matchAll(/root:\s*'([^']+)'\s*,\s*pages:\s*\[([^\]]*)\]/g)) pages.push(...list(m[2]).map((p) => `/${m[1]}/${p}`));
  return pages;
}

type Who = DemoAccount['role'] | 'gridWorker' | 'township' | 'county' | 'signedOut';

/** Who opens a page: the first prefix that matches; residents otherwise. */
const ROLE_OF: [string, Who][] = [
  ['/packages/account/pages/demo-sign-in/', 'signedOut'],
  ['/packages/ledger-staff/', 'county'],
  ['/packages/staff/', 'township'],
  ['/packages/wish/pages/staff/', 'township'],
  ['/packages/wish/pages/claims/', 'donor'],
  ['/packages/wish/pages/certificate/', 'donor'],
  ['/packages/admin/', 'admin'],
  ['/packages/monitoring/', 'gridWorker'],
  ['/packages/recheck/pages/desk/', 'county'],
  ['/packages/recheck/pages/case/', 'county'],
  ['/packages/supervision/pages/desk/', 'county'],
  ['/packages/supervision/pages/verify/', 'county'],
  ['/packages/supervision/pages/reviews/', 'county'],
  ['/packages/supervision/pages/relatives/', 'county'],
  ['/packages/supervision/pages/grants/', 'county'],
  ['/packages/charity/pages/org/', 'charity'],
  ['/packages/charity/pages/edit/', 'charity'],
  ['/packages/charity/pages/manage/', 'charity'],
  ['/packages/charity/pages/review/', 'county'],
  ['/packages/charity/pages/donate/', 'donor'],
  ['/packages/charity/pages/donations/', 'donor'],
];
const whoOpens = (route: string): Who => ROLE_OF.find(([prefix]) => route.startsWith(prefix))?.[1] ?? 'resident';

function accountOf(who: Who): DemoAccount | null {
  const accounts = DEMO_ACCOUNTS as (DemoAccount & { role: string; level?: string })[];
  if (who === 'signedOut') return null;
  if (who === 'township' || who === 'county') return accounts.find((a) => a.role === 'staff' && a.level === who) ?? null;
  // Grid workers are being added: until a demo account has the role, staff open their pages.
  return accounts.find((a) => a.role === who) ?? (who === 'gridWorker' ? accounts.find((a) => a.role === 'staff') ?? null : null);
}

interface PageReport {
  route: string;
  mode: 'elder' | 'standard';
  who: string;
  findings: Finding[];
  axe: { id: string; impact: string; help: string; nodes: string[] }[];
}

describe('every page meets the accessibility bar (H5, 390 × 844)', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts = new Map<string, BrowserContext>();
  const reports: PageReport[] = [];
  /** Query strings for pages about one record (an application, a draft, a wish). */
  const queryOf: Record<string, string> = {};

  beforeAll(async () => {
    // The development settings and the demo story `npm start` loads (docs/demo.md), so the pages
    // are measured with real content: published 幸福清单, cases at each stage, wishes, alerts.
    stack = await startStack({ overrides: development });
    await seedDemoData(stack.app, demoStory(7));
    const kit = applicationsKit(stack);
    const api = client(stack.baseUrl);
    // 王大爷: verified, one submitted case (also the township's queue) and one draft.
    const wang = await api.signIn('demo-resident-wang', { role: 'resident' });
    const me = await api.get('/api/v1/me', wang.accessToken);
    if (!me.body.profile) {
      await api.put('/api/v1/me/profile', { name: '王建国', idNumber: idNumber('37140219520314001'), phone: '13800000001', hukou: 'urban', regionCode: '371402001' }, wang.accessToken);
    }
    if (!me.body.profile?.verification) await verifyIdentity(stack, wang.accessToken).catch(() => undefined);
    const submitted = await kit.submitted(wang.accessToken).catch(() => null);
    const draft = await kit.readyDraft(wang.accessToken).catch(() => null);
    if (submitted) {
      queryOf['/packages/assistance/pages/detail/index'] = `?id=${submitted.id}`;
      queryOf['/packages/staff/pages/case/index'] = `?id=${submitted.id}`;
    }
    if (draft) queryOf['/packages/assistance/pages/form/index'] = `?id=${draft.id}`;
    const wishes = await api.get('/api/v1/wishes');
    const wishId = wishes.body?.wishes?.[0]?.id;
    if (wishId) queryOf['/packages/wish/pages/detail/index'] = `?id=${wishId}`;
    // A recheck of the county's desk and a published charity project of the demo.
    const county = await api.signIn('demo-staff-dezhou-county', { role: 'staff', regionCode: '371400', level: 'county' });
    const recheckId = (await api.get('/api/v1/staff/rechecks', county.accessToken)).body?.rechecks?.[0]?.id;
    if (recheckId) queryOf['/packages/recheck/pages/case/index'] = `?id=${recheckId}`;
    const projectId = (await api.get('/api/v1/charity/projects')).body?.projects?.[0]?.id;
    if (projectId) {
      for (const page of ['project', 'donate']) queryOf[`/packages/charity/pages/${page}/index`] = `?id=${projectId}`;
    }
    const org = await api.signIn('demo-charity-dezhou', { role: 'charity' });
    const ownProjectId = (await api.get('/api/v1/charity/organization/projects', org.accessToken)).body?.projects?.[0]?.id;
    if (ownProjectId) queryOf['/packages/charity/pages/manage/index'] = `?id=${ownProjectId}`;
    browser = await launchChromium();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    writeFindings(reports);
    for (const c of contexts.values()) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  /** A phone signed in as `who`, in the given mode (both set in storage before the app starts). */
  async function phone(who: Who, mode: 'elder' | 'standard'): Promise<BrowserContext> {
    const key = `${who}:${mode}`;
    const known = contexts.get(key);
    if (known) return known;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const account = accountOf(who);
    const storage: Record<string, unknown> = { 'dajiuzhu.elderMode': mode === 'elder' };
    if (account) {
      const { openid, role, regionCode, level, donorKind } = account;
      const s = await client(stack.baseUrl).signIn(openid, { role, regionCode, level, donorKind });
      storage['dajiuzhu.tokens'] = { accessToken: s.accessToken, refreshToken: s.refreshToken, expiresIn: 900 };
    }
    // Taro H5 keeps storage as localStorage JSON `{ data }`.
    await context.addInitScript((entries) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, JSON.stringify({ data: v }));
    }, storage);
    contexts.set(key, context);
    return context;
  }

  async function open(context: BrowserContext, route: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/#${route}${queryOf[route] ?? ''}`);
    await page.locator('[data-testid="page-shell"]').filter({ visible: true }).first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    // Data on screen, not the loading line (a page still loading after 10 s is measured as it is).
    await page.getByText('加载中…', { exact: true }).filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  }

  async function axeSerious(page: Page): Promise<PageReport['axe']> {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown[]; html: string }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 8).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 100)}`) }));
    });
    return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  }

  async function measure(route: string, mode: 'elder' | 'standard', who: Who = whoOpens(route)): Promise<PageReport> {
    const context = await phone(who, mode);
    const report: PageReport = { route, mode, who: String(who), findings: [], axe: [] };
    let page: Page | null = null;
    try {
      page = await open(context, route);
      report.findings = await page.evaluate(measurePage, { minText: mode === 'elder' ? 18 : null, minTarget: mode === 'elder' ? 60 : 44, minContrast: 4.5 });
      report.axe = await axeSerious(page);
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${route.replace(/^\/|\/index$/g, '').replace(/\//g, '_')}.${who}.${mode}.png`), fullPage: true });
    } catch (e) {
      report.findings.push({ kind: 'render', element: 'page', detail: (e as Error).message.split('\n')[0] });
    } finally {
      await page?.close().catch(() => undefined);
    }
    reports.push(report);
    writeFindings(reports);
    return report;
  }

  const verdict = (r: PageReport) =>
    [...r.findings.map((f) => `  ${f.kind}: ${f.element} — ${f.detail}`), ...r.axe.map((v) => `  axe ${v.impact} ${v.id} (${v.help}): ${v.nodes.join(' | ')}`)].join('\n');

  const ROUTES = pagesOfAppConfig();

  it('finds every page of app.config.ts', () => {
    expect(ROUTES.length).toBeGreaterThan(20);
    expect(ROUTES).toContain('/pages/index/index');
  });

  describe.each(['elder', 'standard'] as const)('%s mode', (mode) => {
    it.each(ROUTES)('%s', async (route) => {
      const r = await measure(route, mode);
      const problems = verdict(r);
      if (problems) throw new Error(`${route} (${mode}, signed in as ${r.who}) fails:\n${problems}`);
    });
  });

  // The first screen of each kind of user: home is role-aware, so each role is measured there.
  it.each(['resident', 'donor', 'township', 'county', 'admin', 'gridWorker'] as Who[])('home as %s (elder mode)', async (who) => {
    if (!accountOf(who)) return;
    const r = await measure('/pages/index/index', 'elder', who);
    const problems = verdict(r);
    if (problems) throw new Error(`home (elder, ${who}) fails:\n${problems}`);
  });
});

/** The findings as markdown, one section per failing page (for the owners of the pages). */
function writeFindings(reports: PageReport[]): void {
  const lines = [`# Accessibility findings (test/browser/accessibility.test.ts)`, '', `Run ${new Date().toISOString()}; ${reports.length} page measurements, ${reports.filter((r) => r.findings.length || r.axe.length).length} failing.`, ''];
  for (const r of reports) {
    if (!r.findings.length && !r.axe.length) continue;
    lines.push(`## ${r.route} — ${r.mode}, as ${r.who}`, '');
    for (const f of r.findings) lines.push(`- ${f.kind}: \`${f.element}\` — ${f.detail}`);
    for (const v of r.axe) lines.push(`- axe ${v.impact} **${v.id}** (${v.help}):`, ...v.nodes.map((n) => `  - \`${n.replace(/`/g, "'")}\``));
    lines.push('');
  }
  lines.push('## Passing', '', ...reports.filter((r) => !r.findings.length && !r.axe.length).map((r) => `- ${r.route} — ${r.mode}, as ${r.who}`));
  mkdirSync(path.dirname(FINDINGS_FILE), { recursive: true });
  writeFileSync(FINDINGS_FILE, lines.join('\n') + '\n');
}
