/**
 * The "Done when" path on the H5 build, against the real API and database:
 * a resident applies for dibao with a document and submits; township staff accept, record a
 * visit and review; the public notice shows the masked entry; county staff approve; the
 * resident sees the finished timeline and the entitlement with its monthly amount.
 * It starts with 政策测算: the resident estimates the household from the home grid, sees dibao
 * 可能符合 with its amount (on the phone, then from the server) and taps 去申请.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { launchChromium } from '../support/browser';
import { client } from '../support/http';
import { applicationsKit, idNumber } from '../support/applications';
import { verifyIdentity } from '../support/identity';

jest.setTimeout(180_000);

const RESIDENT_ID = idNumber('37140219560312001');
const SPOUSE_ID = idNumber('37140219580721002');
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(300, 7)]);

describe('申请救助 end to end in the browser (H5)', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    // The demo resident 王大爷 has a verified real-name profile in 德州市德城区新华街道.
    const api = client(stack.baseUrl);
    const wang = await api.signIn('demo-resident-wang');
    const r = await api.put('/api/v1/me/profile', { name: '王大爷', idNumber: RESIDENT_ID, phone: '13800138000', hukou: 'urban', regionCode: '371402001' }, wang.accessToken);
    expect(r.status).toBe(200);
    // Only a verified identity links him to the entitlement about him (WeChat face check, fake server).
    await verifyIdentity(stack, wang.accessToken);
    writeFileSync('/tmp/dajiuzhu-doc.png', PNG);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  const pages: Page[] = [];
  afterEach(async () => {
    let i = 0;
    for (const p of pages) await p.screenshot({ path: `/tmp/dajiuzhu-last-${i++}.png`, fullPage: true }).catch(() => {});
  });

  async function phone(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    pages.push(page);
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    return page;
  }
  const visible = (page: Page, text: string, exact = true) => page.getByText(text, { exact }).filter({ visible: true }).first();
  const button = (page: Page, label: string) => page.locator('taro-button-core').filter({ hasText: label }).filter({ visible: true }).first();
  const input = (page: Page, placeholder: string) => page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).filter({ visible: true }).first();

  async function signIn(page: Page, account: string) {
    await page.goto(stack.baseUrl);
    await visible(page, '演示环境 · 仅用于测试').waitFor();
    await button(page, account).click();
    await visible(page, '申请救助').waitFor();
  }

  it('walks the whole path', async () => {
    // ---- Resident: choose dibao, see the checklist first, fill the form, upload, consent, submit.
    const resident = await phone();
    await signIn(resident, '居民 王大爷');

    // ---- 政策测算 first: two urban Dezhou pensioners with 145 元 a month between them.
    await visible(resident, '政策测算').click();
    await visible(resident, '所在地区').waitFor();
    await visible(resident, '德州市').click();
    await visible(resident, '城镇').click();
    await input(resident, '年龄（周岁）').fill('70');
    await input(resident, '每月养老金（元）').fill('72.5');
    await button(resident, '添加家庭成员').click();
    await visible(resident, '成员2').waitFor();
    await input(resident, '年龄（周岁）').fill('68');
    await input(resident, '每月养老金（元）').fill('72.50');
    const dibao = resident.locator('[data-testid="result-dibao"]').filter({ visible: true }).first();
    await dibao.getByText('可能符合', { exact: true }).waitFor();
    // 755.00 × 2 − 145.00, computed on the phone with the standards fetched once.
    await dibao.getByText('1365.00 元/月', { exact: true }).waitFor();
    await button(resident, '正式测算').click();
    await visible(resident, '正式测算结果（以此为准）').waitFor();
    expect(await dibao.innerText()).toContain('1365.00 元/月');
    await visible(resident, '这只是测算，不是审批决定', false).waitFor();
    await dibao.scrollIntoViewIfNeeded();
    await resident.screenshot({ path: '/tmp/dajiuzhu-estimate.png' });
    await dibao.locator('taro-button-core').filter({ hasText: '去申请' }).click();

    // 去申请 opens the type picker.
    await visible(resident, '请选择要申请的救助项目').waitFor();
    await visible(resident, '最低生活保障（低保）').click();
    await visible(resident, '需要准备的材料').waitFor();
    await visible(resident, '必需户口簿', false).waitFor();
    // The checklist that opened below the list is brought into view (it used to open two screens below the tap).
    await resident.waitForFunction(() => {
      const el = Array.from(document.querySelectorAll('#apply-checklist')).find((e) => (e as HTMLElement).offsetParent !== null);
      const top = el?.getBoundingClientRect().top ?? Infinity;
      return top >= 0 && top < window.innerHeight / 2;
    });
    await resident.screenshot({ path: '/tmp/dajiuzhu-apply-checklist.png', fullPage: true });
    await button(resident, '开始申请').click();

    await visible(resident, '申请人本人').waitFor();
    // 户籍 comes from the real-name profile.
    await resident.locator('.chip--on', { hasText: '城市' }).filter({ visible: true }).first().waitFor();
    // Tapped again "to confirm", it stays chosen (a second tap used to clear it and submit was refused).
    await resident.locator('.chip--on', { hasText: '城市' }).filter({ visible: true }).first().click();
    expect(await resident.locator('.chip--on', { hasText: '城市' }).filter({ visible: true }).count()).toBe(1);
    await input(resident, '周岁').fill('70');
    await button(resident, '添加家庭成员').click();
    const names = resident.locator('input[placeholder="姓名"]').filter({ visible: true });
    await names.nth(1).fill('李桂芝');
    await input(resident, '成员身份证号').fill(SPOUSE_ID);
    await visible(resident, '已自动保存', false).waitFor();
    await button(resident, '下一步').click();
    await visible(resident, '填写每位成员的月收入（元）；没有收入可不填').waitFor();
    await button(resident, '下一步').click();
    await visible(resident, '存款等金融资产（元）').waitFor();
    await button(resident, '下一步').click();
    await input(resident, '请简要说明家庭困难情况').fill('两位老人均无劳动能力，只有少量养老金，生活困难');
    await button(resident, '下一步').click();

    // Documents: upload a photo of the ID card, reuse it for the household register.
    await visible(resident, '拍照或选择文件上传（照片或 PDF）；上传过的材料可以直接复用').waitFor();
    const chooser = resident.waitForEvent('filechooser');
    await button(resident, '上传申请人身份证').click();
    await (await chooser).setFiles('/tmp/dajiuzhu-doc.png');
    await visible(resident, '✓ dajiuzhu-doc.png').waitFor();
    await visible(resident, '复用：dajiuzhu-doc.png').click();
    await resident.locator('text=✓ dajiuzhu-doc.png').nth(1).waitFor();
    await resident.screenshot({ path: '/tmp/dajiuzhu-apply-documents.png', fullPage: true });
    await button(resident, '下一步').click();

    // Review + consent: no submit before the consent.
    await visible(resident, '请核对申请内容').waitFor();
    await visible(resident, '家庭经济状况核对授权书').waitFor();
    expect(await button(resident, '提交申请').getAttribute('disabled')).not.toBeNull();
    await resident.locator('[data-testid="consent"]').filter({ visible: true }).first().click();
    await resident.screenshot({ path: '/tmp/dajiuzhu-apply-review.png', fullPage: true });
    await button(resident, '提交申请').click();
    await visible(resident, '已提交，待受理').waitFor();
    await resident.screenshot({ path: '/tmp/dajiuzhu-apply-submitted.png', fullPage: true });
    const saved = await stack.app.db.collection('applications').find({}).toArray();
    expect(saved).toHaveLength(1);
    const applicationId = String(saved[0]._id);
    expect(JSON.stringify(saved[0])).not.toContain(SPOUSE_ID);
    expect(saved[0].consent.textVersion).toBe('2026-01');

    // ---- Township staff: queue → case → accept → home visit → review → public notice.
    const township = await phone();
    await signIn(township, '街道工作人员（德州 新华街道）');
    await township.goto(`${stack.baseUrl}/#/packages/staff/pages/index/index`);
    await township.locator('[data-testid="queue-row"]').filter({ visible: true }).first().click();
    await visible(township, '家庭情况（2 人 · 城市户籍）').waitFor();
    await township.screenshot({ path: '/tmp/dajiuzhu-staff-case.png', fullPage: true });
    const act = async (action: string, fill?: () => Promise<void>) => {
      await button(township, action).click();
      await township.locator('[data-testid="action-form"]').filter({ visible: true }).first().waitFor();
      if (fill) await fill();
      await button(township, `确认${action}`).click();
      await township.locator('[data-testid="action-form"]').filter({ visible: true }).first().waitFor({ state: 'detached' }).catch(() => {});
    };
    await act('受理');
    await visible(township, '已受理，待入户调查').waitFor();
    await act('登记入户调查', async () => {
      await input(township, '调查人员1姓名').fill('张伟');
      await input(township, '调查人员2姓名').fill('刘芳');
      await input(township, '请填写').fill('两位老人，无劳动能力，住房简陋，收入仅养老金');
    });
    await visible(township, '已入户调查，待审核').waitFor();
    await act('审核', async () => { await input(township, '金额（元）').fill('1365'); });
    await visible(township, '乡镇（街道）已审核').waitFor();
    await act('开始公示');
    await visible(township, '公示中').waitFor();
    await township.screenshot({ path: '/tmp/dajiuzhu-staff-notice.png', fullPage: true });

    // ---- Public notice page, no sign-in: masked name, household size, amount, region only.
    const publicPage = await phone();
    await publicPage.goto(`${stack.baseUrl}/#/packages/assistance/pages/notices/index`);
    const entry = publicPage.locator('[data-testid="notice"]').filter({ visible: true }).first();
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toContain('王**');
    expect(text).toContain('2 人');
    expect(text).toContain('1365.00 元');
    // The region by name (GB/T 2260 table), never the code.
    expect(text).toContain('德州市德城区新华街道');
    expect(text).not.toContain('371402001');
    const page = await publicPage.content();
    expect(page).not.toContain('王大爷');
    expect(page).not.toContain(RESIDENT_ID.slice(0, 10));
    expect(page).not.toContain('13800138000');
    await publicPage.screenshot({ path: '/tmp/dajiuzhu-public-notice.png', fullPage: true });

    // Seven days pass.
    await applicationsKit(stack).endNotice(applicationId);

    // ---- County staff approve.
    const county = await phone();
    await signIn(county, '县级民政（德州市）');
    await county.goto(`${stack.baseUrl}/#/packages/staff/pages/case/index?id=${applicationId}`);
    await visible(county, '审核拟定金额：1365.00 元/月').waitFor();
    await button(county, '审批通过').click();
    await button(county, '确认审批通过').click();
    await visible(county, '已批准').waitFor();
    await county.screenshot({ path: '/tmp/dajiuzhu-county-approved.png', fullPage: true });

    // ---- The resident sees the finished timeline and the entitlement.
    await resident.reload();
    await visible(resident, '已批准').waitFor();
    const ent = resident.locator('[data-testid="entitlement"]').filter({ visible: true }).first();
    await ent.waitFor();
    expect(await ent.innerText()).toContain('1365.00 元');
    for (const step of ['乡镇（街道）受理', '入户调查', '乡镇（街道）审核', '县级民政部门审批']) await visible(resident, step).waitFor();
    expect(await resident.locator('.apl-timeline__item--done').filter({ visible: true }).count()).toBe(6);
    await resident.screenshot({ path: '/tmp/dajiuzhu-resident-done.png', fullPage: true });

    // 我的申请 lists it, with the entitlement and the messages.
    await button(resident, '我的申请').click();
    await visible(resident, '我的救助待遇').waitFor();
    await visible(resident, '消息').click();
    await visible(resident, '申请已批准', false).waitFor();
    await resident.screenshot({ path: '/tmp/dajiuzhu-messages.png', fullPage: true });
  });
});
