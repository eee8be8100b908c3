/**
 * First contentful paint of the H5 app's home page under DevTools' "Fast 3G" and a 4× slower CPU,
 * beside a one-line page served by the same server through the same throttling (bench/api.ts, its
 * section 5). Chromium is Debian's (/usr/bin/chromium), driven over the DevTools protocol; the
 * cache is off so every run is a first load. Returns the median of `runs` alternating runs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../test/support/browser';

/** DevTools' "Fast 3G" preset (its throttling constants: latency × 3.75, throughput × 0.9). */
const FAST_3G = { offline: false, latency: 150 * 3.75, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9 };
const CPU_SLOWDOWN = 4;
export const ONE_LINE_PAGE = 'one-line.html';

/** Writes the one-line page into the H5 directory the server serves (call before the server starts). */
export function writeOneLinePage(h5Dir: string): void {
  writeFileSync(path.join(h5Dir, ONE_LINE_PAGE), '<!doctype html><meta charset="utf-8"><title>t</title><p>大救助</p>\n');
}

async function fcpOnce(url: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    return await page.evaluate(() => new Promise<number>((resolve) => {
      const seen = performance.getEntriesByName('first-contentful-paint')[0];
      if (seen) { resolve(seen.startTime); return; }
      new PerformanceObserver((list) => resolve(list.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
    }));
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** FCP (ms, median) of the app's home page and of the one-line page, runs alternating between the two. */
export async function measureFcp(base: string, runs = 5): Promise<{ app: number; oneLine: number; runs: number }> {
  const app: number[] = [];
  const oneLine: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    app.push(await fcpOnce(`${base}/`));
    oneLine.push(await fcpOnce(`${base}/${ONE_LINE_PAGE}`));
  }
  return { app: median(app), oneLine: median(oneLine), runs };
}
