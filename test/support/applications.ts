import { addCalendarDays, checkCharFor, shanghaiDate } from '@dajiuzhu/shared';
import type { Stack } from './stack';
import { client } from './http';
import { verifyIdentity } from './identity';

/** Helpers of the applications tests: people, documents, drafts. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
export const idNumber = (first17: string) => first17 + checkCharFor(first17);

export function applicationsKit(stack: Stack) {
  const api = client(stack.baseUrl);
  let n = 0;

  async function upload(token: string, data = PDF, name = '身份证.pdf') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), name);
    const res = await fetch(`${stack.baseUrl}/api/v1/files?purpose=document`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  }

  /**
   * A signed-in resident with a real-name profile. Verified by default (only a verified identity
   * links an account to the cases about the person); `verify: false` leaves it a mere claim.
   */
  async function resident(openid: string, opts: { name?: string; idNumber?: string; regionCode?: string; hukou?: 'urban' | 'rural'; verify?: boolean } = {}) {
    const s = await api.signIn(openid);
    n += 1;
    const id = opts.idNumber ?? idNumber(`3714021970${String(1 + (n % 12)).padStart(2, '0')}${String(10 + (n % 18)).padStart(2, '0')}${String(100 + n).slice(-3)}`);
    const r = await api.put('/api/v1/me/profile', { name: opts.name ?? '王秀英', idNumber: id, phone: '13900001234', hukou: opts.hukou ?? 'urban', regionCode: opts.regionCode ?? '371402001' }, s.accessToken);
    if (r.status !== 200) throw new Error(`profile: ${r.status} ${JSON.stringify(r.body)}`);
    if (opts.verify ?? true) await verifyIdentity(stack, s.accessToken);
    return { token: s.accessToken, userId: s.user.id, idNumber: id };
  }

  const staff = async (openid: string, regionCode: string, level: 'township' | 'county') => (await api.signIn(openid, { role: 'staff', regionCode, level })).accessToken;

  /** A complete dibao draft with consent, ready to submit. */
  async function readyDraft(token: string, programme = 'dibao', extra: { form?: Record<string, unknown>; documents?: unknown[]; onBehalfOf?: unknown } = {}) {
    const d = await api.post('/api/v1/applications/drafts', { programme, ...(extra.onBehalfOf ? { onBehalfOf: extra.onBehalfOf } : {}) }, token);
    if (d.status !== 201) throw new Error(`draft: ${d.status} ${JSON.stringify(d.body)}`);
    const file = await upload(token);
    const file2 = await upload(token, PDF, '户口簿.pdf');
    const self = d.body.form.members[0];
    const form = extra.form ?? {
      hukou: 'urban',
      members: [{ ...self, age: 63, canWork: false, incomes: [{ kind: 'pension', monthlyFen: 30000 }] }, { key: 'm2', name: '李建国', relation: 'spouse', idNumber: idNumber('37140219600305001'), age: 66, canWork: false }],
      reason: '老伴患病，家庭收入低，生活困难',
    };
    const documents = extra.documents ?? [{ item: 'idCard', fileId: file.body.id }, { item: 'householdRegister', fileId: file2.body.id }];
    const saved = await api.put(`/api/v1/applications/drafts/${d.body.id}`, { form, documents, currentStep: 4 }, token);
    if (saved.status !== 200) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body)}`);
    const c = await api.post(`/api/v1/applications/drafts/${d.body.id}/consent`, { textVersion: '2026-01', agreed: true }, token);
    if (c.status !== 200) throw new Error(`consent: ${c.status} ${JSON.stringify(c.body)}`);
    return c.body as { id: string; problems: unknown[] };
  }

  const key = () => `k-${Math.random().toString(36).slice(2)}-${Date.now()}`;

  async function submitted(token: string, programme = 'dibao', extra: Parameters<typeof readyDraft>[2] = {}) {
    const draft = await readyDraft(token, programme, extra);
    const r = await api.post('/api/v1/applications', { draftId: draft.id, idempotencyKey: key() }, token);
    if (r.status !== 201) throw new Error(`submit: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string; sequence: number; status: string };
  }

  const act = (token: string, id: string, step: string, body: Record<string, unknown> = {}) => api.post(`/api/v1/staff/applications/${id}/${step}`, body, token);
  const visit = { visitedOn: shanghaiDate(), investigators: ['张伟', '刘芳'], findings: '家中两位老人，无劳动能力，住房简陋' };

  /** Moves the public notice 7 days into the past, as if the notice period had run its course today. */
  async function endNotice(id: string) {
    const doc = await stack.app.db.collection('applications').findOne({ _id: id as never });
    const today = shanghaiDate();
    await stack.app.db.collection('applications').updateOne({ _id: id as never }, { $set: { notice: { ...doc!.notice, startsOn: addCalendarDays(today, -7), endsOn: today } } });
  }

  const counts = async () => {
    const db = stack.app.db;
    const [apps, events, keys, open, ents] = await Promise.all(['applications', 'application_events', 'application_submissions', 'application_open_keys', 'entitlements'].map((c) => db.collection(c).countDocuments()));
    return { apps, events, keys, open, ents };
  };

  return { api, upload, resident, staff, readyDraft, submitted, act, visit, endNotice, counts, key };
}
