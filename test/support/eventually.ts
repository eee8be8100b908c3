/**
 * Reads until `ok` holds (every 200 ms, at most `tries` reads) and returns that value: for what a
 * background job or a notification does after the request that started it has been answered.
 * Fails naming `what` never happened.
 */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, tries = 100): Promise<T> {
  for (let i = 0; i < tries; i += 1) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`never happened: ${what}`);
}
