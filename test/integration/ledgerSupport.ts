import { checkCharFor } from '@dajiuzhu/shared';
import iconv from 'iconv-lite';
import type { Stack } from '../support/stack';
import { client } from '../support/http';
import { verifyIdentity } from '../support/identity';

/** A valid (made-up) ID number: region, birth date, sequence, check digit. */
export function idNumber(seq: number, region = '371402', birth = '19500101'): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharFor(first17);
}

/**
 * A resident with a real-name profile, VERIFIED by default (the fake WeChat face check): only a
 * verified identity links an account to the ledger's records. `verified: false` leaves the
 * profile a claim (a stranger who typed someone's ID number).
 */
export async function resident(stack: Stack, openid: string, id: string, regionCode = '371402001', name = '王建国', opts: { verified?: boolean } = {}) {
  const api = client(stack.baseUrl);
  const s = await api.signIn(openid);
  const r = await api.put('/api/v1/me/profile', { name, idNumber: id, phone: '13800000001', hukou: 'urban', regionCode }, s.accessToken);
  if (r.status !== 200) throw new Error(`profile: ${r.status} ${JSON.stringify(r.body)}`);
  if (opts.verified ?? true) await verifyIdentity(stack, s.accessToken);
  return s;
}

export async function staffIn(stack: Stack, openid: string, regionCode: string) {
  return client(stack.baseUrl).signIn(openid, { role: 'staff', regionCode, level: regionCode.length === 6 ? 'county' : 'township' });
}

export async function uploadImport(stack: Stack, token: string, query: string, data: Buffer, name: string, type = 'text/csv') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), name);
  const res = await fetch(`${stack.baseUrl}/api/v1/staff/ledger/imports?${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

export async function waitForJob(stack: Stack, token: string, path: string, done = (b: any) => ['done', 'failed', 'interrupted'].includes(b.status)) {
  const api = client(stack.baseUrl);
  for (let i = 0; i < 600; i++) {
    const r = await api.get(path, token);
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    if (done(r.body)) return r.body;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`job ${path} did not finish`);
}

export const csv = (lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8');
export const gbkCsv = (lines: string[]) => iconv.encode(lines.join('\r\n') + '\r\n', 'gbk');
