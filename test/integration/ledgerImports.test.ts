import ExcelJS from 'exceljs';
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { csv, gbkCsv, idNumber, resident, staffIn, uploadImport, waitForJob } from './ledgerSupport';
import { SimulatedCrash, type AfterBatchHook } from '../../server/src/domains/ledger/services/ledgerJobs';
import '../../server/src/domains/ledger/api';

let stack: Stack;
let api: ReturnType<typeof client>;
let staff: { accessToken: string };
const A = idNumber(1);
const B = idNumber(2);
const OUTSIDE = idNumber(3, '371502');

/** What the job runner calls after each committed batch (given when the stack is built; a test sets it for its import). */
let afterBatch: AfterBatchHook | undefined;

beforeAll(async () => {
  stack = await startStack({ overrides: { ledger: { importBatchRows: 10 } }, ledgerHooks: { afterBatch: (id, batch) => afterBatch?.(id, batch) } });
  api = client(stack.baseUrl);
  await resident(stack, 'li-a', A);
  await resident(stack, 'li-b', B, '371402002', '李秀英');
  await resident(stack, 'li-out', OUTSIDE, '371502', '张三');
  staff = await staffIn(stack, 'li-staff', '371400');
});
afterAll(async () => { await stack.stop(); });

const HEADER = '身份证号,姓名,金额,发放月份,救助项目';
const importPath = (id: string) => `/api/v1/staff/ledger/imports/${id}`;
const count = (filter: object = {}) => stack.app.db.collection('disbursements').countDocuments(filter);

describe('imports: good and bad rows', () => {
  let importId: string;

  it('imports the good rows and reports every bad one with its reason', async () => {
    const file = csv([
      HEADER,
      `${A},王建国,300.50,2025-03,医疗救助`,
      `${B},李秀英,120,2025-04,`,
      `${A.slice(0, 17)}0,王建国,100,2025-03,`, // bad check digit (A ends in another digit unless it ends in 0)
      `${A},王建国,-5,2025-03,`,
      `${A},王建国,abc,2025-03,`,
      `${A},王建国,10,2099-01,`,
      `${A},王建国,10,2025-05,低保`, // a programme the medical bureau may not send
      `${OUTSIDE},张三,10,2025-05,`, // outside the staff's region: unmatched
      `${idNumber(9)},无此人,10,2025-05,`, // nobody
    ]);
    const up = await uploadImport(stack, staff.accessToken, 'source=medical', file, '医疗救助3月.csv');
    expect(up.status).toBe(202);
    expect(up.body).toMatchObject({ source: 'medical', format: 'csv', encoding: 'utf8', status: expect.any(String) });
    importId = up.body.id;
    const done = await waitForJob(stack, staff.accessToken, importPath(importId));
    expect(done.status).toBe('done');
    const badCheck = A.endsWith('0') ? 0 : 1;
    expect(done.counts).toEqual({ rows: 9, accepted: 2, duplicates: 0, rejected: 7, unmatched: 2, held: 0 });
    expect(done.acceptedFen).toBe(30050 + 12000);
    expect(badCheck).toBe(1);

    const report = (await api.get(`${importPath(importId)}/report`, staff.accessToken)).body;
    expect(report.rows.map((r: any) => [r.line, r.status, r.problems.join('+')])).toEqual([
      [2, 'accepted', ''], [3, 'accepted', ''], [4, 'rejected', 'idNumberCheckDigit'], [5, 'rejected', 'amountNotPositive'], [6, 'rejected', 'amountNotNumber'],
      [7, 'rejected', 'periodFuture'], [8, 'rejected', 'programmeUnknown'], [9, 'rejected', 'unmatched'], [10, 'rejected', 'unmatched'],
    ]);
    expect(report.rows[3].reason).toBe('金额必须大于0');
    // Only masks of ID numbers leave the server.
    expect(JSON.stringify(report)).not.toContain(A);

    const res = await fetch(`${stack.baseUrl}${importPath(importId)}/report.csv`, { headers: { authorization: `Bearer ${staff.accessToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(10);
    expect(text).toContain('身份证号校验码不对');
    expect(await count({ sourceRef: importId })).toBe(2);
  });

  it('the same file twice adds nothing, and says which import had it', async () => {
    const file = csv([HEADER, `${A},王建国,300.50,2025-03,医疗救助`, `${B},李秀英,120,2025-04,`]);
    const again = await uploadImport(stack, staff.accessToken, 'source=medical', file, 'again.csv');
    const done = await waitForJob(stack, staff.accessToken, importPath(again.body.id));
    expect(done.counts).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await count({ source: 'import' })).toBe(2);
    // A byte-identical file is flagged as such.
    const twice = await uploadImport(stack, staff.accessToken, 'source=medical', file, 'again2.csv');
    expect(twice.body.sameFileAs).toBe(again.body.id);
    await waitForJob(stack, staff.accessToken, importPath(twice.body.id));
    expect(await count({ source: 'import' })).toBe(2);
  });

  it('reads GBK CSVs (detected, or declared) and XLSX', async () => {
    const gbk = gbkCsv([HEADER, `${A},王建国,50,2025-06,医疗救助`]);
    const up = await uploadImport(stack, staff.accessToken, 'source=medical', gbk, 'gbk.csv');
    expect(up.status).toBe(202);
    expect(up.body.encoding).toBe('gbk');
    expect((await waitForJob(stack, staff.accessToken, importPath(up.body.id))).counts.accepted).toBe(1);
    // Declared UTF-8 but it is GBK: a clear per-file error.
    expectEnvelope(await uploadImport(stack, staff.accessToken, 'source=medical&encoding=utf8', gbk, 'gbk.csv') as never, 400, 'LEDGER_IMPORT_ENCODING');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('教育救助');
    ws.addRow(['证件号码', '救助金额', '所属月份']);
    ws.addRow([B, 800, '2025-09']);
    ws.addRow([A, 0.5, new Date(Date.UTC(2025, 8, 1))]);
    ws.addRow([A, -1, '2025-09']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const x = await uploadImport(stack, staff.accessToken, 'source=education', xlsx, '教育.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(x.status).toBe(202);
    expect(x.body.format).toBe('xlsx');
    const done = await waitForJob(stack, staff.accessToken, importPath(x.body.id));
    const xr = (await api.get(`${importPath(x.body.id)}/report`, staff.accessToken)).body;
    expect(xr.rows.map((r: any) => [r.line, r.status, r.problems.join('+')])).toEqual([[2, 'accepted', ''], [3, 'accepted', ''], [4, 'rejected', 'amountNotPositive']]);
    expect(done.counts).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
    expect(done.acceptedFen).toBe(80050);
  });

  it('refuses files that are not CSV/XLSX, empty, without the required columns, or garbage', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(100, 0)]);
    expectEnvelope(await uploadImport(stack, staff.accessToken, 'source=medical', png, 'a.csv') as never, 415, 'LEDGER_IMPORT_FILE_TYPE');
    expectEnvelope(await uploadImport(stack, staff.accessToken, 'source=medical', Buffer.alloc(0), 'empty.csv') as never, 400, 'LEDGER_IMPORT_EMPTY');
    expectEnvelope(await uploadImport(stack, staff.accessToken, 'source=medical', csv([HEADER]), 'header.csv') as never, 400, 'LEDGER_IMPORT_EMPTY');
    const missing = await uploadImport(stack, staff.accessToken, 'source=medical', csv(['姓名,金额', '王建国,10']), 'cols.csv');
    expectEnvelope(missing as never, 400, 'LEDGER_IMPORT_MISSING_COLUMNS');
    expect(missing.body.error.message).toContain('身份证号');
    expect(missing.body.error.details.missing).toEqual(['idNumber', 'period']);
    const garbage = Buffer.alloc(10 * 1024 * 1024);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 2654435761) >>> 24;
    expectEnvelope(await uploadImport(stack, staff.accessToken, 'source=medical', garbage, 'garbage.csv') as never, 415, 'LEDGER_IMPORT_FILE_TYPE');
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]);
    const z = await uploadImport(stack, staff.accessToken, 'source=medical', brokenZip, 'broken.xlsx');
    expect([400]).toContain(z.status);
    expectEnvelope(await uploadImport(stack, staff.accessToken, 'source=nope', csv([HEADER]), 'x.csv') as never, 400, 'LEDGER_SOURCE_UNKNOWN');
    const resident = await api.signIn('li-a');
    expectEnvelope(await uploadImport(stack, resident.accessToken, 'source=medical', csv([HEADER]), 'x.csv') as never, 403, 'FORBIDDEN');
    // Nothing of these reached the ledger, and no stored upload is left behind.
    expect(await count({ sourceRef: { $regex: '^imp_' }, period: '2025-05' })).toBe(0);
  });

  it('uses a saved column mapping and amounts in fen', async () => {
    const put = await api.put('/api/v1/staff/ledger/import-mappings/housing', { columns: { idNumber: '证件', amount: '补助（分）', period: '期' }, amountUnit: 'fen' }, staff.accessToken);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ saved: true, amountUnit: 'fen' });
    const up = await uploadImport(stack, staff.accessToken, 'source=housing', csv(['证件,补助（分）,期', `${A},150000,2025-02`, `${B},12.5,2025-02`]), 'housing.csv');
    const done = await waitForJob(stack, staff.accessToken, importPath(up.body.id));
    expect(done.counts).toMatchObject({ accepted: 1, rejected: 1 });
    expect(done.acceptedFen).toBe(150000);
  });

  it('staff outside the region cannot see an import (404)', async () => {
    const other = await staffIn(stack, 'li-staff-lc', '371500');
    expectEnvelope(await api.get(importPath(importId), other.accessToken), 404, 'NOT_FOUND');
    expectEnvelope(await api.get(`${importPath(importId)}/report`, other.accessToken), 404, 'NOT_FOUND');
  });
});

describe('imports: concurrency and crashes', () => {
  // Each row names the person its ID number belongs to (a different name would be held, not booked).
  const rows = (from: number, n: number, amount = 10) => Array.from({ length: n }, (_, i) => `${i % 2 ? A : B},${i % 2 ? '王建国' : '李秀英'},${amount + from + i},2025-0${1 + ((from + i) % 8)},`);

  it('two staff importing overlapping files at once: every row once, nothing lost', async () => {
    const s2 = await staffIn(stack, 'li-staff-2', '371402');
    const before = await count();
    const f1 = csv([HEADER, ...rows(1000, 60)]);
    const f2 = csv([HEADER, ...rows(1030, 60)]); // rows 1030..1059 are in both
    const [u1, u2] = await Promise.all([
      uploadImport(stack, staff.accessToken, 'source=temporary', f1, 'one.csv'),
      uploadImport(stack, s2.accessToken, 'source=temporary', f2, 'two.csv'),
    ]);
    const [d1, d2] = await Promise.all([waitForJob(stack, staff.accessToken, importPath(u1.body.id)), waitForJob(stack, s2.accessToken, importPath(u2.body.id))]);
    expect(d1.counts.accepted + d2.counts.accepted).toBe(90);
    expect(d1.counts.duplicates + d2.counts.duplicates).toBe(30);
    expect(await count() - before).toBe(90);
  });

  it('the after-batch hook exists only as the stack built it: app.ledger offers no way to set one', () => {
    expect(Object.keys(stack.app.ledger.runner)).toEqual(['settle']);
  });

  it('an import killed half way, run again, ends with every row exactly once', async () => {
    const before = await count();
    const file = csv([HEADER, ...rows(2000, 55)]);
    // Simulated kill: the worker dies after committing its third batch of 10 rows (and part of nothing else).
    let crashed = false;
    afterBatch = (_id, batch) => { if (batch === 3 && !crashed) { crashed = true; throw new SimulatedCrash(); } };
    const up = await uploadImport(stack, staff.accessToken, 'source=heating', file, 'heating.csv');
    await stack.app.ledger.runner.settle(up.body.id);
    afterBatch = undefined;
    const dead = (await api.get(importPath(up.body.id), staff.accessToken)).body;
    expect(dead.status).toBe('running'); // as a killed process leaves it
    expect(dead.counts.accepted).toBe(30);
    expect(await count() - before).toBe(30);

    // Too early to take over a running job: its heartbeat is fresh.
    expectEnvelope(await api.post(`${importPath(up.body.id)}/resume`, {}, staff.accessToken), 409, 'LEDGER_JOB_NOT_RESUMABLE');
    await stack.app.db.collection('ledger_jobs').updateOne({ _id: up.body.id } as never, { $set: { heartbeatAt: new Date(Date.now() - 3_600_000) } });
    const resumed = await api.post(`${importPath(up.body.id)}/resume`, {}, staff.accessToken);
    expect(resumed.status).toBe(202);
    const done = await waitForJob(stack, staff.accessToken, importPath(up.body.id));
    expect(done.status).toBe('done');
    expect(done.counts).toMatchObject({ rows: 55, accepted: 55, duplicates: 0 });
    expect(await count() - before).toBe(55);

    // And uploading the same file once more adds nothing.
    const again = await uploadImport(stack, staff.accessToken, 'source=heating', file, 'heating.csv');
    expect((await waitForJob(stack, staff.accessToken, importPath(again.body.id))).counts).toMatchObject({ accepted: 0, duplicates: 55 });
    expect(await count() - before).toBe(55);
  });

  it('a killed import whose rows were half-written in the last batch counts them once on resume', async () => {
    const before = await count();
    const file = csv([HEADER, ...rows(3000, 25)]);
    let crashed = false;
    // Die after inserting batch 2's rows but before its checkpoint: simulate by rolling the checkpoint back.
    afterBatch = async (id, batch) => {
      if (batch === 2 && !crashed) {
        crashed = true;
        await stack.app.db.collection('ledger_jobs').updateOne({ _id: id } as never, { $set: { checkpoint: 11, 'counts.accepted': 10, 'counts.rows': 10 } });
        throw new SimulatedCrash();
      }
    };
    const up = await uploadImport(stack, staff.accessToken, 'source=employment', file, 'emp.csv');
    await stack.app.ledger.runner.settle(up.body.id);
    afterBatch = undefined;
    expect(await count() - before).toBe(20);
    await stack.app.db.collection('ledger_jobs').updateOne({ _id: up.body.id } as never, { $set: { heartbeatAt: new Date(0) } });
    expect((await api.post(`${importPath(up.body.id)}/resume`, {}, staff.accessToken)).status).toBe(202);
    const done = await waitForJob(stack, staff.accessToken, importPath(up.body.id));
    expect(done.counts).toMatchObject({ rows: 25, accepted: 25, duplicates: 0 });
    expect(await count() - before).toBe(25);
  });
});
