import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, with no traffic beyond this machine. Playwright gives every launch
 * a fresh temporary profile (it refuses a --user-data-dir argument), so no state carries over.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
}
