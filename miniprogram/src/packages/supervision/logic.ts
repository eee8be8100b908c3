/** Pure helpers of the subpackage's pages (tested without a screen). */

/** Seconds left before a card token expires, never below 0. */
export function secondsLeft(expiresAt: string, now: number = Date.now()): number {
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now) / 1000));
}

/** "4分59秒" / "59秒": how long the code is still valid, in words an older person reads. */
export function countdownText(seconds: number): string {
  if (seconds <= 0) return '已过期，请刷新';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m}分${s}秒后失效` : `${s}秒后失效`;
}

/** The 核验码 shown under the QR: the token in groups of 4 so staff can compare it by eye. */
export function groupedCode(token: string, groups = 4): string {
  const sig = token.split('.')[1] ?? token;
  return (sig.slice(0, groups * 4).match(/.{1,4}/g) ?? []).join(' ');
}
