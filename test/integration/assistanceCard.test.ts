import { createHmac } from 'node:crypto';
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { verifiedResident } from '../support/identity';

/**
 * 电子救助卡 (issue 11 item 8): the person's card shows their current programmes (masked) with a
 * short-lived signed QR token; a staff member's scan answers only valid + masked name + programme
 * names; a forged, altered or expired token is a clear 4xx and shows nothing.
 */
const CARD_KEY = 'test-only-assistance-card-key-0123456789abcdef';
let stack: Stack;
let api: ReturnType<typeof client>;
let person: Awaited<ReturnType<typeof verifiedResident>>;
let staff: string;

/** A token as the server would sign it (the test holds the configured key): for an expiry in the past. */
function signed(payload: Record<string, unknown>): string {
  const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${p}.${createHmac('sha256', CARD_KEY).update(`card:v1:${p}`).digest('base64url')}`;
}

beforeAll(async () => {
  stack = await startStack({ overrides: { supervision: { cardKey: CARD_KEY } } });
  api = client(stack.baseUrl);
  person = await verifiedResident(stack, 'card-person', { name: '孙桂兰', regionCode: '371402001' });
  staff = (await api.signIn('card-staff', { role: 'staff', regionCode: '371402', level: 'county' })).accessToken;
  // A subsidy the person receives (免审秒办 from a 残联 record keyed in by the county).
  const grant = await api.post('/api/v1/staff/auto-grants', {
    name: '孙桂兰', idNumber: person.idNumber, regionCode: '371402001', disabilityGrade: 1, certificateDate: '2026-10-08', householdGroup: 'none', programme: 'disabilityCare',
  }, staff);
  expect(grant.status).toBe(201);
});
afterAll(async () => { await stack.stop(); });

test('the card shows the current programmes and a short-lived QR; a scan confirms it with a masked name only', async () => {
  const card = await api.get('/api/v1/me/assistance-card', person.accessToken);
  expect(card.status).toBe(200);
  expect(card.headers.get('cache-control')).toContain('no-store');
  expect(card.body.holderNameMasked).toBe('孙**');
  expect(card.body.idNumberMasked).toMatch(/^3\*+\w{2}$/);
  expect(card.body.programmes).toEqual([expect.objectContaining({ programme: 'disabilityCare', programmeName: '重度残疾人护理补贴', monthlyAmountFen: 14000 })]);
  expect(card.body.qr.ttlSeconds).toBe(300);
  const ttl = new Date(card.body.qr.expiresAt).getTime() - Date.now();
  expect(ttl).toBeGreaterThan(290_000);
  expect(ttl).toBeLessThanOrEqual(300_000);
  expect(JSON.stringify(card.body)).not.toContain(person.idNumber);

  // Two cards a moment apart carry different tokens (the nonce).
  const again = await api.get('/api/v1/me/assistance-card', person.accessToken);
  expect(again.body.qr.token).not.toBe(card.body.qr.token);

  const scan = await api.post('/api/v1/staff/assistance-card/verify', { token: card.body.qr.token }, staff);
  expect(scan.status).toBe(200);
  expect(scan.body).toEqual({ status: 'valid', holderNameMasked: '孙**', programmes: [{ programme: 'disabilityCare', programmeName: '重度残疾人护理补贴' }], expiresAt: card.body.qr.expiresAt });
  expect(JSON.stringify(scan.body)).not.toMatch(/\d{6,}/);
});

test('a forged, altered or expired QR is refused clearly and shows nothing', async () => {
  const { body } = await api.get('/api/v1/me/assistance-card', person.accessToken);
  const [payload, sig] = body.qr.token.split('.');
  const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);

  const forgedSig = await api.post('/api/v1/staff/assistance-card/verify', { token: `${payload}.${flip(sig)}` }, staff);
  expectEnvelope(forgedSig, 403, 'CARD_TOKEN_INVALID');
  // Someone else's account put into a genuine token's payload: the signature no longer matches.
  const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), u: 'someone-else' })).toString('base64url');
  expectEnvelope(await api.post('/api/v1/staff/assistance-card/verify', { token: `${other}.${sig}` }, staff), 403, 'CARD_TOKEN_INVALID');
  // Signed with another key.
  const foreign = Buffer.from(JSON.stringify({ u: person.userId, e: Math.floor(Date.now() / 1000) + 300, n: 'x' })).toString('base64url');
  expectEnvelope(await api.post('/api/v1/staff/assistance-card/verify', { token: `${foreign}.${createHmac('sha256', 'another-key-another-key-another-key').update(`card:v1:${foreign}`).digest('base64url')}` }, staff), 403, 'CARD_TOKEN_INVALID');

  const expired = signed({ u: person.userId, e: Math.floor(Date.now() / 1000) - 1, n: 'old' });
  const res = await api.post('/api/v1/staff/assistance-card/verify', { token: expired }, staff);
  expectEnvelope(res, 410, 'CARD_TOKEN_EXPIRED');
  expect(JSON.stringify(res.body)).not.toContain('孙');

  // Not a token at all: the schema refuses it.
  expectEnvelope(await api.post('/api/v1/staff/assistance-card/verify', { token: 'not a token' }, staff), 400);
});

test('only staff verify; a person without a verified identity has no card', async () => {
  const { body } = await api.get('/api/v1/me/assistance-card', person.accessToken);
  expectEnvelope(await api.post('/api/v1/staff/assistance-card/verify', { token: body.qr.token }, person.accessToken), 403, 'FORBIDDEN');
  const stranger = await api.signIn('card-unverified');
  expectEnvelope(await api.get('/api/v1/me/assistance-card', stranger.accessToken), 409, 'CARD_IDENTITY_REQUIRED');
  expectEnvelope(await api.get('/api/v1/me/assistance-card'), 401);
});
