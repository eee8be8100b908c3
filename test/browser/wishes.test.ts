/**
 * 微心愿 "Done when", in a phone-sized Chromium against the real API and database (H5 build):
 * a beneficiary posts a wish with a photo (compressed on the phone below WeChat's image-check
 * limit); staff see the photo and approve it; a donor finds it in the square, claims it under a
 * name of their choosing, delivers it with a photo; the beneficiary sees that evidence only once
 * they confirm, and thanks the donor by that name; the donor downloads the certificate picture
 * (drawn at the device's pixel ratio); the public numbers page counts it as fulfilled. Each person has their own browser context and signs in on
 * the H5 demo screen.
 *
 * Needs the H5 build: `npm run build:h5` (miniprogram/dist/h5, served by the stack).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkCharFor } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { launchChromium } from '../support/browser';
import { client } from '../support/http';
import { startFakeWechatContent } from '../support/fakeWechatContent';
import { pngImage } from '../support/images';
import { stripImageMetadata } from '../../server/src/core/files/imageMetadata';
import { readFile } from 'node:fs/promises';

jest.setTimeout(180_000);

const TITLE = '一台收音机';
const STORY = '眼睛不好看不了电视，想要一台收音机听听戏。';

describe('微心愿 in the browser (H5)', () => {
  let stack: Stack;
  let fake: Awaited<ReturnType<typeof startFakeWechatContent>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fake = await startFakeWechatContent();
    stack = await startStack({ overrides: { wechat: { apiBaseUrl: fake.baseUrl } } });
    // 王大爷's real-name profile (the profile screen has its own browser test).
    const api = client(stack.baseUrl);
    const wang = await api.signIn('demo-resident-wang');
    const first17 = '37140219500301001';
    const saved = await api.put('/api/v1/me/profile', { name: '王大爷', idNumber: first17 + checkCharFor(first17), phone: '13800138000', hukou: 'urban', regionCode: '371402001001' }, wang.accessToken);
    expect(saved.status).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    await stack?.stop();
    await fake?.stop();
  });

  async function personPage(label: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(stack.baseUrl);
    await visible(page, '演示环境 · 仅用于测试').waitFor();
    await button(page, label).click();
    await visible(page, '申请救助').waitFor();
    return page;
  }

  const visible = (page: Page, text: string, exact = true) => page.getByText(text, { exact }).filter({ visible: true }).first();
  const button = (page: Page, label: string) => page.locator('taro-button-core').filter({ hasText: label }).filter({ visible: true }).first();
  const open = async (page: Page, path: string) => { await page.goto(`${stack.baseUrl}/#${path}`); };

  it('post → approve → square → claim → deliver → confirm and thank → certificate → public numbers', async () => {
    // 1. The beneficiary posts a wish from 首页 → 微心愿.
    const ben = await personPage('居民 王大爷');
    await visible(ben, '微心愿').click();
    await visible(ben, '发布心愿').click();
    await ben.locator('input[placeholder="例如：一台助听器"]').filter({ visible: true }).first().fill(TITLE);
    await ben.locator('textarea[placeholder="说说为什么需要它（不要写电话、住址）"]').filter({ visible: true }).first().fill(STORY);
    await ben.locator('input[placeholder="请输入预算金额"]').filter({ visible: true }).first().fill('900');
    await button(ben, '提交心愿').click();
    await visible(ben, '预算不能超过¥500').waitFor(); // the phone checks the local cap before sending
    await ben.locator('input[placeholder="请输入预算金额"]').filter({ visible: true }).first().fill('120');
    // A 6-megapixel photo of the item: the phone scales it to fit 750 × 1334 and re-encodes it as a JPEG under 1 MB.
    await ben.locator('[data-testid="wish-photo-input"]').setInputFiles({ name: 'radio.png', mimeType: 'image/png', buffer: pngImage(3000, 2000, [200, 120, 40]) });
    await ben.locator('.wish-photo__img').filter({ visible: true }).first().waitFor();
    await button(ben, '提交心愿').click();
    await visible(ben, '请确认照片里只拍了物品，没有儿童的面部').waitFor(); // the photo rule is confirmed first
    await ben.locator('[data-testid="photo-rule"]').filter({ visible: true }).first().click();
    await ben.screenshot({ path: '/tmp/dajiuzhu-wish-post.png', fullPage: true });
    await button(ben, '提交心愿').click();
    await visible(ben, '审核中').waitFor();
    await visible(ben, TITLE).waitFor();
    await ben.screenshot({ path: '/tmp/dajiuzhu-wish-mine-pending.png', fullPage: true });
    const wish = await stack.app.db.collection('wishes').findOne({ title: TITLE });
    expect(wish?.photoFileIds).toHaveLength(1);
    const stored = await stack.app.services.files.readPublic(wish!.photoFileIds[0]);
    expect(stored!.doc).toMatchObject({ contentType: 'image/jpeg', purpose: 'wishPhoto' });
    expect(stored!.data.length).toBeLessThanOrEqual(1024 * 1024);
    expect(stripImageMetadata(stored!.data, 'image/jpeg')).toMatchObject({ width: 1125, height: 750 });
    // A visible picture under `selector` has loaded (its bytes decoded: the route served a real image).
    const imageShown = (page: Page, selector: string) => page.waitForFunction((sel) => {
      const img = Array.from(document.querySelectorAll<HTMLImageElement>(`${sel} img`)).find((i) => i.offsetParent !== null);
      return !!img && img.complete && img.naturalWidth > 0;
    }, selector, { timeout: 15_000 });

    // 2. Staff of the street approve it in the review queue.
    const staff = await personPage('街道工作人员（德州 新华街道）');
    await open(staff, '/packages/wish/pages/staff/index');
    await visible(staff, TITLE).waitFor();
    // The review queue shows the masked name only; the full name is an audited read of the detail.
    await visible(staff, '王** · 70多岁 · 新华街道新湖社区').waitFor();
    expect(await staff.locator('body').innerText()).not.toContain('王大爷');
    // Staff see the photo before it is public (fetched with their session through the wish's photo route).
    await staff.locator('.wish-photo__img--wide img').filter({ visible: true }).first().waitFor();
    await imageShown(staff, '.wish-photo__img--wide');
    await staff.screenshot({ path: '/tmp/dajiuzhu-wish-review.png', fullPage: true });
    await button(staff, '审核通过').click();
    await visible(staff, '没有待审核的心愿').waitFor();

    // 3. A donor finds it in the square (我要帮扶 → 微心愿广场), opens it and claims it.
    const donor = await personPage('爱心人士 张先生');
    await visible(donor, '我要帮扶').click();
    await visible(donor, '微心愿广场').click();
    await visible(donor, '德城区').click();
    await visible(donor, TITLE).waitFor();
    const squareText = await donor.locator('body').innerText();
    expect(squareText).toContain('王** · 70多岁');
    expect(squareText).not.toContain('王大爷');
    expect(squareText).not.toContain('13800138000');
    await donor.screenshot({ path: '/tmp/dajiuzhu-wish-square.png', fullPage: true });
    await visible(donor, TITLE).click();
    // The name the person thanks and the certificate shows: chosen for this claim.
    await visible(donor, '换个名字').click();
    await donor.locator('input[placeholder="如 张阿姨、某某爱心小组"]').filter({ visible: true }).first().fill('德州张先生');
    await button(donor, '认领这个心愿').click();
    await visible(donor, '认领成功', false).waitFor();
    await visible(donor, '您将以“德州张先生”的名义', false).waitFor();
    await donor.screenshot({ path: '/tmp/dajiuzhu-wish-claimed.png', fullPage: true });

    // 4. …and marks it delivered under 我的认领.
    await button(donor, '查看我的认领').click();
    await visible(donor, '已认领，待送达').waitFor();
    await donor.locator('[data-testid="delivery-photo-input"]').setInputFiles({ name: 'delivered.png', mimeType: 'image/png', buffer: pngImage(800, 600, [30, 130, 110]) });
    await donor.locator('.wish-photo__img').filter({ visible: true }).first().waitFor();
    await donor.locator('[data-testid="photo-rule"]').filter({ visible: true }).first().click();
    await button(donor, '标记已送达').click();
    await visible(donor, '已送达，待确认').waitFor();
    await visible(donor, '受助人确认收到后，送达照片才会公开').waitFor();
    await imageShown(donor, '.wish-photo__img--wide'); // the donor sees their own photo
    // Staff of the street see the delivery photo at once (送达待确认), where they could remove it.
    await staff.reload();
    await visible(staff, '送达待确认').click();
    await visible(staff, '居民已领取，确认实现', false).waitFor();
    await imageShown(staff, '.wish-photo__img--wide');
    await staff.screenshot({ path: '/tmp/dajiuzhu-wish-staff-delivered.png', fullPage: true });

    // 5. The beneficiary confirms and thanks.
    await ben.reload();
    await visible(ben, '已送达待确认').waitFor();
    await visible(ben, '认领人：德州张先生').waitFor();
    // The delivery photo is evidence of a delivery the person confirmed: not shown before.
    expect(await ben.locator('[data-testid="delivery-evidence"]').count()).toBe(0);
    await button(ben, '确认已收到').click();
    await visible(ben, '已实现').waitFor();
    await ben.locator('[data-testid="delivery-evidence"]').filter({ visible: true }).first().waitFor();
    await imageShown(ben, '[data-testid="delivery-evidence"] .wish-photo__img--wide');
    await ben.screenshot({ path: '/tmp/dajiuzhu-wish-evidence.png', fullPage: true });
    await ben.locator('input[placeholder="写一句感谢德州张先生的话"]').filter({ visible: true }).first().fill('谢谢张先生，收音机很好用！');
    await button(ben, '发送感谢').click();
    await visible(ben, '我对德州张先生说：谢谢张先生，收音机很好用！').waitFor();
    await ben.screenshot({ path: '/tmp/dajiuzhu-wish-thanked.png', fullPage: true });

    // 6. The donor opens the certificate.
    await donor.reload();
    await visible(donor, '感谢留言：谢谢张先生，收音机很好用！').waitFor();
    await button(donor, '查看爱心证书').click();
    await visible(donor, '您帮助德州市德城区的一位困难群众实现了微心愿').waitFor();
    await visible(donor, `“${TITLE}”（生活用品 · ¥120）`).waitFor();
    // The certificate names the donor as the thanks does (the name chosen when claiming), and its picture downloads.
    expect(await donor.locator('[data-testid="certificate-donor"]').filter({ visible: true }).first().innerText()).toBe('德州张先生');
    await donor.locator('[data-testid="certificate-picture"]').filter({ visible: true }).first().waitFor();
    const [download] = await Promise.all([donor.waitForEvent('download'), button(donor, '下载证书图片').click()]);
    expect(download.suggestedFilename()).toMatch(/^爱心证书-AX\d{8}[0-9A-F]{8}\.png$/);
    const png = await readFile((await download.path())!);
    // Drawn at the device's pixel ratio (2 in this browser): 300 × 400 CSS px → 600 × 800 pixels.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([600, 800]);
    const certText = await donor.locator('body').innerText();
    expect(certText).not.toContain('王');
    await donor.waitForTimeout(300); // the share image is drawn just after the page shows
    await donor.screenshot({ path: '/tmp/dajiuzhu-wish-certificate.png', fullPage: true });

    // Anyone now sees the delivery photo on the wish's public page.
    await open(donor, `/packages/wish/pages/detail/index?id=${wish!._id}`);
    await donor.locator('[data-testid="delivery-evidence"]').filter({ visible: true }).first().waitFor();
    await imageShown(donor, '[data-testid="delivery-evidence"] .wish-photo__img--wide');

    // 7. The public numbers page counts it as fulfilled.
    await open(donor, '/packages/wish/pages/numbers/index?regionCode=371402');
    await visible(donor, '德城区微心愿').waitFor();
    const fulfilled = donor.locator('.wish-numbers__item--fulfilled .wish-numbers__value').filter({ visible: true }).first();
    await expect(fulfilled.innerText()).resolves.toBe('1');
    await expect(donor.locator('.wish-numbers__item--collected .wish-numbers__value').filter({ visible: true }).first().innerText()).resolves.toBe('1');
    await donor.screenshot({ path: '/tmp/dajiuzhu-wish-numbers.png', fullPage: true });
  });

  it('elder mode reaches the wish pages (PageShell): large text', async () => {
    const ben = contexts[0].pages()[0];
    await open(ben, '/pages/mine/index');
    await visible(ben, '长辈模式').click();
    await open(ben, '/packages/wish/pages/mine/index');
    await ben.locator('.page-shell--elder').filter({ visible: true }).first().waitFor();
    const size = await visible(ben, TITLE).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    await ben.screenshot({ path: '/tmp/dajiuzhu-wish-elder.png', fullPage: true });
  });
});
