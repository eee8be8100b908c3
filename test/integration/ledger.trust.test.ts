/**
 * Issue 9 in the ledger, as a user would notice it, on the real API and database: only a verified
 * identity links an account to a 幸福清单 or disbursements (a stranger who typed someone's ID
 * number sees nothing and learns nothing; the person verifies and sees it all); an imported row
 * whose name differs from the matched person is held for staff, not booked; source names that are
 * built-in property names are unknown sources; 20 rating PUTs at once end in one row; a person's
 * disbursements come in pages; staff reads are audited; malformed multipart gets a 400 envelope.
 */
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope, type HttpResult } from '../support/http';
import { verifyIdentity } from '../support/identity';
import { csv, idNumber, resident, staffIn, uploadImport, waitForJob } from './ledgerSupport';
import '../../server/src/domains/ledger/api';

let stack: Stack;
let api: ReturnType<typeof client>;
type Session = Awaited<ReturnType<typeof resident>>;
let staff: Session;
let zhang: Session; // 张伟, verified
let stranger: Session; // typed 李秀英's ID number, not verified
let emptyClaim: Session; // typed a number nobody has records for, not verified
const ZHANG = idNumber(21);
const LI = idNumber(22); // 李秀英: an approved entitlement, no account yet
const NOBODY = idNumber(23); // claimed by a stranger, no records at all
const YEAR = 2025;

const importPath = (id: string) => `/api/v1/staff/ledger/imports/${id}`;
const jobPath = (id: string) => `/api/v1/staff/ledger-jobs/${id}`;
// Oldest first: a test takes the rows a request added by position (the database's own order follows whichever index serves the filter).
const audits = (filter: object) => stack.app.models.Audit.find(filter).sort({ at: 1 }).lean().exec();
const disbursements = (filter: object) => stack.app.db.collection('disbursements').countDocuments(filter);
const keyOf = (id: string) => stack.app.services.pii.blindIndex(id);

async function importFile(lines: string[], source = 'medical') {
  const up = await uploadImport(stack, staff.accessToken, `source=${source}`, csv(lines), 'rows.csv');
  expect(up.status).toBe(202);
  return waitForJob(stack, staff.accessToken, importPath(up.body.id));
}

async function publish() {
  const pub = await api.post('/api/v1/staff/happiness-lists/publish', { year: YEAR }, staff.accessToken);
  expect(pub.status).toBe(202);
  expect((await waitForJob(stack, staff.accessToken, jobPath(pub.body.id))).status).toBe('done');
}

/** Every read of the signed-in person's own 幸福清单. */
const ownReads = (token: string) => Promise.all([
  api.get('/api/v1/happiness-lists', token),
  api.get('/api/v1/happiness-lists/notices', token),
  api.get(`/api/v1/happiness-lists/${YEAR}`, token),
  api.get(`/api/v1/happiness-lists/${YEAR}/pdf`, token),
  api.get(`/api/v1/happiness-lists/${YEAR}/feedback`, token),
  api.post(`/api/v1/happiness-lists/${YEAR}/confirm`, { version: 1 }, token),
  api.put(`/api/v1/happiness-lists/${YEAR}/rating`, { score: 5 }, token),
  api.post(`/api/v1/happiness-lists/${YEAR}/questions`, { text: '这是我的钱吗？' }, token),
]);

beforeAll(async () => {
  stack = await startStack();
  api = client(stack.baseUrl);
  staff = await staffIn(stack, 'lt-staff', '371400');
  zhang = await resident(stack, 'lt-zhang', ZHANG, '371402001', '张伟');
  // Before anything is paid or published, a stranger types 李秀英's ID number (with another name
  // and street of the same city); another types a number nobody has records for.
  stranger = await resident(stack, 'lt-stranger', LI, '371402002', '冒名者', { verified: false });
  emptyClaim = await resident(stack, 'lt-empty', NOBODY, '371402001', '某某', { verified: false });
  // 李秀英's approved dibao, as the applications domain records it (she has no account yet).
  await stack.app.db.collection('entitlements').insertOne({
    _id: 'ent-li', applicationId: 'ent-li', programme: 'dibao', beneficiary: { userId: null, name: '李秀英', idNumberCipher: 'x', idNumberMasked: '3***************22', idNumberBlindIndex: keyOf(LI) },
    regionCode: '371402001', regionKeys: [], payment: 'monthly', monthlyAmountFen: 75500, oneOffAmountFen: null, startMonth: '2025-01', nextRecheckOn: null, status: 'active',
    approvedAt: new Date(), approvedBy: 'test',
  } as never);
  const run = await api.post('/api/v1/staff/payment-runs', { period: '2025-03' }, staff.accessToken);
  expect((await waitForJob(stack, staff.accessToken, jobPath(run.body.id))).status).toBe('done');
  expect((await importFile(['身份证号,姓名,金额,发放月份', `${ZHANG},张伟,100,2025-02`])).counts.accepted).toBe(1);
  await publish();
});
afterAll(async () => { await stack.stop(); });

describe('only a verified identity links an account to the ledger', () => {
  it('a stranger who typed someone\'s ID number gets "verify first" from every read, never the statement', async () => {
    for (const r of await ownReads(stranger.accessToken)) {
      expectEnvelope(r, 403, 'HAPPINESS_IDENTITY_UNVERIFIED');
      // The request id is random hex: leave it out, or a "755" in it would fail the test by chance.
      expect(JSON.stringify({ ...r.body, error: { ...r.body.error, requestId: '' } })).not.toMatch(/李|755|1510/);
    }
    // Nothing was recorded for the person by the stranger's attempts.
    expect(await stack.app.db.collection('happiness_list_feedback').countDocuments({ beneficiaryKey: keyOf(LI) })).toBe(0);
    expect(await stack.app.db.collection('happiness_questions').countDocuments({ beneficiaryKey: keyOf(LI) })).toBe(0);
  });

  it('and learns nothing: the answer is the same whether the number has a statement or not', async () => {
    const strip = (r: HttpResult) => ({ status: r.status, code: r.body.error.code, message: r.body.error.message });
    const withStatement = (await ownReads(stranger.accessToken)).map(strip);
    const without = (await ownReads(emptyClaim.accessToken)).map(strip);
    expect(without).toEqual(withStatement);
    // No profile at all: the same answer again.
    const bare = await api.signIn('lt-bare');
    expect((await ownReads(bare.accessToken)).map(strip)).toEqual(withStatement);
  });

  it('the claim neither names the published statement nor moves it: it keeps the entitlement\'s name and region', async () => {
    const li = await stack.app.db.collection('happiness_lists').findOne({ _id: `${keyOf(LI)}:${YEAR}` } as never);
    expect(li).toMatchObject({ nameMasked: '李**', regionCode: '371402001' });
  });

  it('an import does not book to a claim: a number only a stranger\'s unverified profile names is unmatched', async () => {
    const done = await importFile(['身份证号,姓名,金额,发放月份', `${NOBODY},某某,50,2025-04`]);
    expect(done.counts).toMatchObject({ accepted: 0, unmatched: 1 });
    expect(await disbursements({ beneficiaryKey: keyOf(NOBODY) })).toBe(0);
  });

  it('staff reading the stranger\'s account are told it is linked to nobody, not shown the person', async () => {
    expectEnvelope(await api.get(`/api/v1/staff/happiness-lists/${emptyClaim.user.id}/${YEAR}`, staff.accessToken), 409, 'LEDGER_PERSON_UNVERIFIED');
    expectEnvelope(await api.get(`/api/v1/staff/ledger/disbursements?beneficiaryId=${emptyClaim.user.id}`, staff.accessToken), 409, 'LEDGER_PERSON_UNVERIFIED');
    expectEnvelope(await api.get(`/api/v1/staff/happiness-lists/${stranger.user.id}/${YEAR}`, staff.accessToken), 409, 'LEDGER_PERSON_UNVERIFIED');
    expectEnvelope(await api.get(`/api/v1/staff/ledger/disbursements?beneficiaryId=${stranger.user.id}`, staff.accessToken), 409, 'LEDGER_PERSON_UNVERIFIED');
  });

  it('the person signs up and verifies (fake WeChat face check): they see all of it', async () => {
    const li = await resident(stack, 'lt-li', LI, '371402001', '李秀英', { verified: false });
    expectEnvelope(await api.get(`/api/v1/happiness-lists/${YEAR}`, li.accessToken), 403, 'HAPPINESS_IDENTITY_UNVERIFIED');
    await verifyIdentity(stack, li.accessToken);
    const list = await api.get(`/api/v1/happiness-lists/${YEAR}`, li.accessToken);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ year: YEAR, grandTotalFen: 75500, beneficiary: { nameMasked: '李**' } });
    expect((await api.get('/api/v1/happiness-lists', li.accessToken)).body.years).toEqual([{ year: YEAR, version: 1 }]);
    expect((await api.get('/api/v1/happiness-lists/notices', li.accessToken)).body.notices).toHaveLength(1);
    expect((await api.get(`/api/v1/staff/ledger/disbursements?beneficiaryId=${li.user.id}`, staff.accessToken)).body.disbursements).toHaveLength(1);
    // The stranger still sees nothing.
    expectEnvelope(await api.get(`/api/v1/happiness-lists/${YEAR}`, stranger.accessToken), 403, 'HAPPINESS_IDENTITY_UNVERIFIED');
  });
});

describe('a row whose name differs from the matched person is held for staff, not booked', () => {
  const HEADER = '身份证号,姓名,金额,发放月份';
  let importId: string;
  let heldId: string;

  it('books the rows that agree (or give no name, or a masked one that fits) and holds 赵某某 on 张伟\'s number', async () => {
    const before = await disbursements({ beneficiaryKey: keyOf(ZHANG) });
    const done = await importFile([HEADER, `${ZHANG},张伟,11,2025-05`, `${ZHANG},赵某某,999,2025-05`, `${ZHANG},,12,2025-06`, `${ZHANG},张*,13,2025-07`]);
    importId = done.id;
    expect(done.counts).toMatchObject({ rows: 4, accepted: 3, held: 1, rejected: 0 });
    expect(done.acceptedFen).toBe(1100 + 1200 + 1300);
    expect(await disbursements({ beneficiaryKey: keyOf(ZHANG) })).toBe(before + 3);
    expect(await disbursements({ beneficiaryKey: keyOf(ZHANG), amountFen: 99900 })).toBe(0);

    const report = (await api.get(`${importPath(importId)}/report`, staff.accessToken)).body;
    expect(report.rows.map((r: any) => [r.line, r.status])).toEqual([[2, 'accepted'], [3, 'held'], [4, 'accepted'], [5, 'accepted']]);
    expect(report.rows[1].reason).toContain('姓名');
    expect((await api.get(`${importPath(importId)}/report?status=held`, staff.accessToken)).body.rows.map((r: any) => r.line)).toEqual([3]);
  });

  it('staff of the region list held rows (both names, audited with the people shown); others see none', async () => {
    const list = await api.get(`/api/v1/staff/ledger/held-rows?importId=${importId}`, staff.accessToken);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ nextOffset: null, rows: [expect.objectContaining({ line: 3, status: 'held', rowName: '赵某某', personName: '张伟', amountFen: 99900, period: '2025-05' })] });
    expect(JSON.stringify(list.body)).not.toContain(ZHANG);
    heldId = list.body.rows[0].id;
    const read = await audits({ action: 'ledger.heldRows.read', actorId: staff.user.id });
    expect(read).toHaveLength(1);
    expect(String(read[0].details.subjectIds)).toContain(zhang.user.id);

    const far = await staffIn(stack, 'lt-far', '371500');
    expect((await api.get('/api/v1/staff/ledger/held-rows', far.accessToken)).body.rows).toEqual([]);
    expectEnvelope(await api.post(`/api/v1/staff/ledger/held-rows/${heldId}/confirm`, {}, far.accessToken), 404, 'NOT_FOUND');
    expectEnvelope(await api.post(`/api/v1/staff/ledger/held-rows/${heldId}/confirm`, {}, zhang.accessToken), 403, 'FORBIDDEN');
  });

  it('confirm books it once (audited); a second decision is refused', async () => {
    const ok = await api.post(`/api/v1/staff/ledger/held-rows/${heldId}/confirm`, { note: '电话核实：赵某某为张伟曾用名' }, staff.accessToken);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'confirmed', booked: true, decisionNote: '电话核实：赵某某为张伟曾用名' });
    expect(await disbursements({ beneficiaryKey: keyOf(ZHANG), amountFen: 99900 })).toBe(1);
    expectEnvelope(await api.post(`/api/v1/staff/ledger/held-rows/${heldId}/confirm`, {}, staff.accessToken), 409, 'LEDGER_HELD_ROW_DECIDED');
    expectEnvelope(await api.post(`/api/v1/staff/ledger/held-rows/${heldId}/refuse`, { reason: '改主意了' }, staff.accessToken), 409, 'LEDGER_HELD_ROW_DECIDED');
    expect(await disbursements({ beneficiaryKey: keyOf(ZHANG), amountFen: 99900 })).toBe(1);
    expect(await audits({ action: 'ledger.heldRow.confirm', subjectId: zhang.user.id })).toHaveLength(1);
    // The report now shows the line as booked.
    const report = (await api.get(`${importPath(importId)}/report`, staff.accessToken)).body;
    expect(report.rows.find((r: any) => r.line === 3)).toMatchObject({ status: 'accepted', amountFen: 99900 });
  });

  it('refuse leaves it out (audited, with the reason in the report); confirm and refuse at once: one wins', async () => {
    const done = await importFile([HEADER, `${ZHANG},王五,777,2025-08`, `${ZHANG},钱六,888,2025-09`]);
    expect(done.counts).toMatchObject({ accepted: 0, held: 2 });
    const rows = (await api.get(`/api/v1/staff/ledger/held-rows?importId=${done.id}&status=held`, staff.accessToken)).body.rows;
    const refused = await api.post(`/api/v1/staff/ledger/held-rows/${rows[0].id}/refuse`, { reason: '不是本人' }, staff.accessToken);
    expect(refused.body).toMatchObject({ status: 'refused', booked: false });
    expect(await disbursements({ amountFen: 77700 })).toBe(0);
    expect(await audits({ action: 'ledger.heldRow.refuse', subjectId: zhang.user.id })).toHaveLength(1);
    const report = (await api.get(`${importPath(done.id)}/report`, staff.accessToken)).body;
    expect(report.rows.find((r: any) => r.line === 2)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('不是本人') });

    const [a, b] = await Promise.all([
      api.post(`/api/v1/staff/ledger/held-rows/${rows[1].id}/confirm`, {}, staff.accessToken),
      api.post(`/api/v1/staff/ledger/held-rows/${rows[1].id}/refuse`, { reason: '不是本人' }, staff.accessToken),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expectEnvelope([a, b].find((r) => r.status === 409)!, 409, 'LEDGER_HELD_ROW_DECIDED');
    expect(await disbursements({ amountFen: 88800 })).toBe(a.status === 200 ? 1 : 0);
  });
});

describe('lookups keyed by user input use own properties only', () => {
  const BUILT_INS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];

  it('a built-in property name is an unknown source (400), and no mapping is stored for it', async () => {
    for (const name of BUILT_INS) {
      expectEnvelope(await api.get(`/api/v1/staff/ledger/import-mappings/${name}`, staff.accessToken), 400, 'LEDGER_SOURCE_UNKNOWN');
      expectEnvelope(await api.put(`/api/v1/staff/ledger/import-mappings/${name}`, { columns: { idNumber: '证件' }, amountUnit: 'fen' }, staff.accessToken), 400, 'LEDGER_SOURCE_UNKNOWN');
      expectEnvelope(await uploadImport(stack, staff.accessToken, `source=${name}`, csv(['身份证号,金额,发放月份', `${ZHANG},1,2025-01`]), 'x.csv') as never, 400, 'LEDGER_SOURCE_UNKNOWN');
    }
    expectEnvelope(await api.get('/api/v1/staff/ledger/import-mappings/__proto__', staff.accessToken), 400, 'LEDGER_SOURCE_UNKNOWN');
    expect(await stack.app.db.collection('ledger_import_mappings').countDocuments({ source: { $in: [...BUILT_INS, '__proto__'] } })).toBe(0);
  });

  it('a programme cell naming a built-in property is an unknown programme in the report', async () => {
    const done = await importFile(['身份证号,姓名,金额,发放月份,救助项目', `${ZHANG},张伟,5,2025-01,constructor`, `${ZHANG},张伟,6,2025-01,__proto__`]);
    expect(done).toMatchObject({ status: 'done', counts: { rows: 2, rejected: 2 } });
    const report = (await api.get(`${importPath(done.id)}/report`, staff.accessToken)).body;
    expect(report.rows.map((r: any) => r.problems)).toEqual([['programmeUnknown'], ['programmeUnknown']]);
  });
});

describe('a rating PUT many times at once', () => {
  it('20 concurrent PUTs of a first rating: every one 200, one rating stored (ten rounds: the race is intermittent)', async () => {
    const ratings = stack.app.db.collection('happiness_list_feedback');
    for (let round = 0; round < 10; round += 1) {
      // Each round races the first insert again.
      await ratings.deleteMany({ kind: 'rating', beneficiaryKey: keyOf(ZHANG) });
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => api.put(`/api/v1/happiness-lists/${YEAR}/rating`, { score: 1 + (i % 5) }, zhang.accessToken)));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      const stored = await ratings.find({ kind: 'rating', beneficiaryKey: keyOf(ZHANG) }).toArray();
      expect(stored).toHaveLength(1);
      expect((await api.get(`/api/v1/happiness-lists/${YEAR}/feedback`, zhang.accessToken)).body.rating.score).toBe(stored[0].score);
    }
  });

  it('the same straight through the service, where the requests meet the database at the same instant', async () => {
    // Over HTTP the requests arrive a little apart; here the twenty upserts are sent together
    // (measured on FerretDB: a plain upsert loses this race with a duplicate key in about half the rounds).
    const ratings = stack.app.db.collection('happiness_list_feedback');
    const actor = (await stack.app.models.User.findById(zhang.user.id).lean().exec())!;
    for (let round = 0; round < 10; round += 1) {
      await ratings.deleteMany({ kind: 'rating', beneficiaryKey: keyOf(ZHANG) });
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => stack.app.ledger.lists.rate({ actor, requestId: `race-${round}-${i}` }, YEAR, 1 + (i % 5))));
      expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      expect(await ratings.countDocuments({ kind: 'rating', beneficiaryKey: keyOf(ZHANG) })).toBe(1);
    }
  });
});

describe('a person\'s disbursements come in pages', () => {
  const ROWS = 10_000;

  beforeAll(async () => {
    const at = new Date();
    const docs = Array.from({ length: ROWS }, (_, i) => ({
      _id: `import:bench:${i}`, beneficiaryKey: keyOf(ZHANG), idNumberMasked: '3***************21', regionCode: '371402001', programme: 'medical', amountFen: 100 + i,
      period: `2024-${String(1 + (i % 12)).padStart(2, '0')}`, year: 2024, paidOn: '', source: 'import', sourceRef: 'imp_bench', line: i + 2, correctsId: '', reason: '', createdBy: 'test', createdAt: at,
    }));
    for (let i = 0; i < docs.length; i += 2000) await stack.app.db.collection('disbursements').insertMany(docs.slice(i, i + 2000) as never[], { ordered: false });
  });

  it('at most the page size (default 100, at most 500), with the offset of the next page, each page audited', async () => {
    const path = (q: string) => `/api/v1/staff/ledger/disbursements?beneficiaryId=${zhang.user.id}&year=2024${q}`;
    const auditedBefore = (await audits({ action: 'ledger.read', subjectId: zhang.user.id })).length;
    const started = Date.now();
    const first = await api.get(path(''), staff.accessToken);
    const elapsed = Date.now() - started;
    expect(first.status).toBe(200);
    expect(first.body.disbursements).toHaveLength(100);
    expect(first.body.nextOffset).toBe(100);
    console.log(`[pagination] first page of ${ROWS} rows: ${elapsed} ms`);
    expect(elapsed).toBeLessThan(10_000);

    const big = await api.get(path('&limit=500&offset=9800'), staff.accessToken);
    expect(big.body.disbursements).toHaveLength(200);
    expect(big.body.nextOffset).toBeNull();
    expectEnvelope(await api.get(path('&limit=501'), staff.accessToken), 400);
    expectEnvelope(await api.get(path('&limit=0'), staff.accessToken), 400);

    // Pages follow one another without gaps or repeats.
    const second = await api.get(path('&offset=100'), staff.accessToken);
    const ids = [...first.body.disbursements, ...second.body.disbursements].map((d: any) => d.id);
    expect(new Set(ids).size).toBe(200);
    const periods = ids.map((id) => first.body.disbursements.concat(second.body.disbursements).find((d: any) => d.id === id).period);
    expect([...periods].sort()).toEqual(periods);
    expect((await audits({ action: 'ledger.read', subjectId: zhang.user.id })).length - auditedBefore).toBe(3);
  });
});

describe('staff reads are audited', () => {
  it('the import report, on screen and as CSV', async () => {
    const done = await importFile(['身份证号,姓名,金额,发放月份', `${ZHANG},张伟,21,2025-10`]);
    const before = (await audits({ action: 'ledger.importReport.read', actorId: staff.user.id })).length;
    expect((await api.get(`${importPath(done.id)}/report`, staff.accessToken)).status).toBe(200);
    const res = await fetch(`${stack.baseUrl}${importPath(done.id)}/report.csv`, { headers: { authorization: `Bearer ${staff.accessToken}` } });
    expect(res.status).toBe(200);
    await res.text();
    const rows = (await audits({ action: 'ledger.importReport.read', actorId: staff.user.id })).slice(before);
    expect(rows.map((r) => r.details.format).sort()).toEqual(['csv', 'json']);
    expect(rows.every((r) => r.details.importId === done.id)).toBe(true);
    expect(String(rows.find((r) => r.details.format === 'json')!.details.subjectKeys)).toContain(keyOf(ZHANG));
    // The CSV read names the people it showed too: one row, written when the whole file was sent.
    expect(rows.find((r) => r.details.format === 'csv')!.details).toMatchObject({ subjectKeys: keyOf(ZHANG), rows: 1, complete: true, last: true });
  });

  it('report cells taken from the file are text in a spreadsheet, never formulas', async () => {
    const done = await importFile([
      '身份证号,姓名,金额,发放月份,救助项目',
      `${ZHANG},张伟,10,=1+2,`,
      '-1+2,某某,10,2025-01,',
      `${ZHANG},张伟,10,2025-01,@SUM(1)`,
      `${ZHANG},张伟,10,+cmd,`,
    ]);
    expect(done.counts).toMatchObject({ rows: 4, rejected: 4 });
    const res = await fetch(`${stack.baseUrl}${importPath(done.id)}/report.csv`, { headers: { authorization: `Bearer ${staff.accessToken}` } });
    const cells = (await res.text()).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).slice(1).flatMap((l) => l.split(','));
    expect(cells).toEqual(expect.arrayContaining(["'=1+2", "'-*+2", "'@SUM(1)", "'+cmd"]));
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('the list of people\'s questions, one row per read naming the people shown', async () => {
    expect((await api.post(`/api/v1/happiness-lists/${YEAR}/questions`, { text: '3月的钱什么时候到？' }, zhang.accessToken)).status).toBe(201);
    const list = await api.get('/api/v1/staff/happiness-questions', staff.accessToken);
    expect(list.body.questions.length).toBeGreaterThan(0);
    const rows = await audits({ action: 'happinessList.questions.read', actorId: staff.user.id });
    expect(rows).toHaveLength(1);
    expect(String(rows[0].details.subjectIds)).toContain(zhang.user.id);
  });
});

describe('malformed multipart on the import upload', () => {
  const post = (contentType: string, body: string) =>
    fetch(`${stack.baseUrl}/api/v1/staff/ledger/imports?source=medical`, { method: 'POST', headers: { authorization: `Bearer ${staff.accessToken}`, 'content-type': contentType }, body })
      .then(async (res) => ({ status: res.status, body: JSON.parse(await res.text()), headers: res.headers }));
  const part = (boundary: string) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n身份证号,金额,发放月份\r\n${ZHANG},1,2025-01\r\n`;

  it('no boundary, a wrong boundary, or a body cut short: 400 with the envelope, nothing imported', async () => {
    const before = await stack.app.db.collection('ledger_jobs').countDocuments({ kind: 'import' });
    expectEnvelope(await post('multipart/form-data', part('abc') + '--abc--\r\n'), 400);
    expectEnvelope(await post('multipart/form-data; boundary=xyz', part('abc') + '--abc--\r\n'), 400);
    expectEnvelope(await post('multipart/form-data; boundary=abc', part('abc').slice(0, 120)), 400);
    expect(await stack.app.db.collection('ledger_jobs').countDocuments({ kind: 'import' })).toBe(before);
  });
});

describe('the document states what the server accepts (the contract test)', () => {
  it('a source in a path or the upload query is one of the configured sources: the schema lists exactly those', async () => {
    const doc = (await api.get('/docs/json')).body;
    const configured = (await api.get('/api/v1/staff/ledger/sources', staff.accessToken)).body.sources.map((s: any) => s.code).sort();
    expect(configured).toContain('medical');
    const listed = (schema: any): string[] => (schema.anyOf ?? [schema]).map((s: any) => s.const ?? s.enum?.[0]).sort();
    for (const method of ['get', 'put'] as const) {
      const param = doc.paths['/api/v1/staff/ledger/import-mappings/{source}'][method].parameters.find((p: any) => p.name === 'source');
      expect(listed(param.schema)).toEqual(configured);
    }
    const query = doc.paths['/api/v1/staff/ledger/imports'].post.parameters.find((p: any) => p.name === 'source');
    expect(listed(query.schema)).toEqual(configured);
    // Every configured source is accepted; another (well-formed) code is 400 LEDGER_SOURCE_UNKNOWN, as before.
    for (const source of configured) expect((await api.get(`/api/v1/staff/ledger/import-mappings/${source}`, staff.accessToken)).status).toBe(200);
    expectEnvelope(await api.get('/api/v1/staff/ledger/import-mappings/pharmacy', staff.accessToken), 400, 'LEDGER_SOURCE_UNKNOWN');
    // An undeclared field is still a validation failure, not an unknown source.
    expectEnvelope(await api.put('/api/v1/staff/ledger/import-mappings/medical', { columns: {}, amountUnit: 'fen', extra: 1 }, staff.accessToken), 400, 'VALIDATION_FAILED');
  });

  it('a disbursement id stays under the router\'s 100-character limit: every id the schema allows reaches the service', async () => {
    const adjust = (id: string) => api.post(`/api/v1/staff/ledger/disbursements/${id}/adjustments`, { amountFen: -1, reason: '测试更正', requestKey: 'k-12345678' }, staff.accessToken);
    expectEnvelope(await adjust('x'.repeat(99)), 404, 'NOT_FOUND');
    expectEnvelope(await adjust('x'.repeat(100)), 400, 'VALIDATION_FAILED');
    expectEnvelope(await adjust('x'.repeat(101)), 414, 'URI_TOO_LONG');
  });
});
