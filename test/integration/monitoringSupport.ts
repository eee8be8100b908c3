import { addMonthsToDate, checkCharFor, shanghaiDate } from '@dajiuzhu/shared';
import type { Stack } from '../support/stack';
import { waitForJob } from './ledgerSupport';

/** A valid (made-up) ID number: region, birth date, sequence, check digit. */
export function idNo(seq: number, region = '371402', birth = '19600101'): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharFor(first17);
}

/** A day `months` before today (Asia/Shanghai), for data inside the rules' windows. */
export const monthsAgo = (months: number) => addMonthsToDate(shanghaiDate(), -months);

export async function uploadMonitoring(stack: Stack, token: string, query: string, data: Buffer, name = 'data.csv', type = 'text/csv') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), name);
  const res = await fetch(`${stack.baseUrl}/api/v1/staff/monitoring/imports?${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

/** Polls a job view until it has ended: the ledger's helper, the same job shape. */
export const waitFor = waitForJob;

/** Uploads, waits for the import and for the evaluation it starts; both views. */
export async function importAndEvaluate(stack: Stack, token: string, source: string, data: Buffer, name = 'data.csv') {
  const up = await uploadMonitoring(stack, token, `source=${source}`, data, name);
  if (up.status !== 202) throw new Error(`upload ${up.status} ${JSON.stringify(up.body)}`);
  const imp = await waitFor(stack, token, `/api/v1/staff/monitoring/imports/${up.body.id}`, (b) => b.status === 'failed' || (b.status === 'done' && (b.evaluationId || source === 'populationList')));
  const evaluation = imp.evaluationId ? await waitFor(stack, token, `/api/v1/staff/monitoring/evaluations/${imp.evaluationId}`) : null;
  return { imp, evaluation };
}

export const csv = (lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8');

/** A watch list of `n` people in 新华街道 communities: group 低保 unless said. */
export function populationCsv(people: { id: string; name: string; group?: string; region?: string; income?: string; size?: string }[]) {
  return csv(['身份证号,姓名,监测类别,行政区划代码,家庭月收入,家庭人口', ...people.map((p) => `${p.id},${p.name},${p.group ?? '低保'},${p.region ?? '371402001001'},${p.income ?? '1500'},${p.size ?? '3'}`)]);
}
