// `npm run test:contract`: the contract test (docs/testing.md, "Contract test"). Starts the real API
// on 127.0.0.1 against a fresh embedded FerretDB (NODE_ENV=test configuration, development sign-in
// on, WeChat a local fake), signs in a verified resident, a staff member and an admin, and runs
// Schemathesis from the API's own OpenAPI document (`/docs/json`) with the settings in
// test/contract/schemathesis.toml. It fails when the server does something its document does not
// say, unless test/contract/baseline.json records that finding (with its reason and fix).
// Schemathesis lives in a virtualenv under .tmp/, built from the pinned test/contract/requirements.txt.
// Environment: CONTRACT_MAX_EXAMPLES (default 10), CONTRACT_SEED (default fixed, so CI repeats the
// same cases), CONTRACT_TIMEOUT_S (default 600). Extra arguments go to `schemathesis run`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureFerretdbBinary } from '../server/src/core/db/ferretdbBinary';
import { startEmbeddedDatabase } from '../server/src/core/db/embedded';
import { startStack } from '../test/support/stack';
import { client } from '../test/support/http';
import { applicationsKit } from '../test/support/applications';
import { startContractWechat } from '../test/contract/fakeWechat';
import { ROOT } from './h5';
import { CONTRACT_REPORTS as REPORTS, CONTRACT_SUMMARY as SUMMARY } from './contractPart';
import { withCreditCheck } from '@dajiuzhu/shared';

const TMP = path.join(ROOT, '.tmp');
const VENV = path.join(TMP, 'contract-venv');
const SCHEMATHESIS = path.join(VENV, 'bin', 'schemathesis');
const CONTRACT = path.join(ROOT, 'test/contract');
const REQUIREMENTS = path.join(CONTRACT, 'requirements.txt');
/** Known findings, each with its reason and fix: the run fails on anything new. */
const BASELINE = path.join(CONTRACT, 'baseline.json');

/** The virtualenv, rebuilt only when the pinned requirements or the Python change (a stamp holds both). */
function ensureVenv(): void {
  const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (python.status !== 0) throw new Error('contract: python3 is required (Schemathesis runs in a virtualenv under .tmp/)');
  const wanted = createHash('sha256').update(readFileSync(REQUIREMENTS)).update(python.stdout).digest('hex');
  const stamp = path.join(VENV, '.requirements-sha256');
  if (existsSync(SCHEMATHESIS) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  console.log('contract: installing Schemathesis into .tmp/contract-venv (test/contract/requirements.txt)');
  rmSync(VENV, { recursive: true, force: true });
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`contract: ${cmd} ${args.join(' ')} failed`);
  };
  run('python3', ['-m', 'venv', VENV]);
  // Every package is pinned in the file, so nothing unpinned is resolved (--no-deps).
  run(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '--no-deps', '-r', REQUIREMENTS]);
  writeFileSync(stamp, wanted);
}

type Tokens = Record<'resident' | 'staff' | 'admin' | 'redeemer' | 'gridWorker' | 'charity', string>;
/** Records the run starts with, so operations on an id reach the service instead of a 404. */
type Records = Record<'applicationId' | 'draftId' | 'fileId', string>;

/** One Schemathesis run over the whole document, killed after CONTRACT_TIMEOUT_S; resolves to its exit code. */
function schemathesis(baseUrl: string, tokens: Tokens, records: Records): Promise<number> {
  const args = [
    '--config-file', path.join(CONTRACT, 'schemathesis.toml'),
    'run', `${baseUrl}/docs/json`,
    '--phases', 'examples,coverage,fuzzing',
    '--max-examples', process.env.CONTRACT_MAX_EXAMPLES ?? '10',
    '--seed', process.env.CONTRACT_SEED ?? '20260901',
    // One worker: on 2 cores the API and the database need the other (and a second worker thread
    // has hit a CPython 3.11.7 AST bug inside Schemathesis).
    '--workers', '1',
    '--request-timeout', '10',
    '--generation-database', 'none',
    '--report', 'junit,ndjson',
    '--report-dir', REPORTS,
    '--baseline', BASELINE,
    '--no-color',
    ...process.argv.slice(2),
  ];
  const env = {
    ...process.env,
    SCHEMATHESIS_HOOKS: path.join(CONTRACT, 'hooks.py'),
    CONTRACT_RESIDENT_TOKEN: tokens.resident,
    CONTRACT_STAFF_TOKEN: tokens.staff,
    CONTRACT_ADMIN_TOKEN: tokens.admin,
    CONTRACT_REDEEMER_TOKEN: tokens.redeemer,
    CONTRACT_GRID_WORKER_TOKEN: tokens.gridWorker,
    CONTRACT_CHARITY_TOKEN: tokens.charity,
    CONTRACT_APPLICATION_ID: records.applicationId,
    CONTRACT_DRAFT_ID: records.draftId,
    CONTRACT_FILE_ID: records.fileId,
  };
  const limitMs = Number(process.env.CONTRACT_TIMEOUT_S ?? 600) * 1000;
  return new Promise((resolve) => {
    const child = spawn(SCHEMATHESIS, args, { cwd: REPORTS, env, stdio: 'inherit' });
    const timer = setTimeout(() => {
      console.error(`contract: Schemathesis still running after ${limitMs / 1000} s; stopped.`);
      child.kill('SIGTERM');
    }, limitMs);
    child.on('exit', (code) => { clearTimeout(timer); resolve(code ?? 1); });
  });
}

/** Counts from the JUnit report (one test case per operation; findings in the baseline do not fail it). */
function summarise(operations: number, exitCode: number): { passed: number; failed: number; skipped: number; total: number } {
  const reports = readdirSync(REPORTS).filter((f) => f.startsWith('junit-')).sort();
  const xml = reports.length ? readFileSync(path.join(REPORTS, reports[reports.length - 1]), 'utf8') : '';
  const attr = (name: string) => Number(new RegExp(`<testsuites[^>]* ${name}="(\\d+)"`).exec(xml)?.[1] ?? 0);
  const tested = attr('tests');
  // A run that ended without a report, or failed with no failing operation (an error), counts as one failure.
  const failed = Math.max(attr('failures') + attr('errors'), exitCode === 0 ? 0 : 1);
  return { passed: Math.max(tested - failed, 0), failed, skipped: Math.max(operations - tested, 0), total: tested };
}

/** An account of a county's 慈善总会 (role charity), through an admin's invitation; its access token. */
async function charityAccount(api: ReturnType<typeof client>, adminToken: string): Promise<string> {
  const organization = { name: '契约测试慈善总会', creditCode: withCreditCheck('51371400MJD000099'), registrationNo: '契约测试001' };
  const invitation = await api.post('/api/v1/admin/staff-invitations', { role: 'charity', regionCode: '371400', organization }, adminToken);
  if (invitation.status !== 201) throw new Error(`charity invitation: ${invitation.status} ${JSON.stringify(invitation.body)}`);
  const person = await api.signIn('contract-charity');
  const redeemed = await api.post('/api/v1/staff-invitations/redeem', { code: invitation.body.code }, person.accessToken);
  if (redeemed.status !== 200) throw new Error(`charity redeem: ${redeemed.status} ${JSON.stringify(redeemed.body)}`);
  return redeemed.body.accessToken as string;
}

async function main(): Promise<number> {
  ensureVenv();
  ensureFerretdbBinary((l) => console.log(l));
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const dataDir = mkdtempSync(path.join(TMP, 'contract-db-'));
  const db = await startEmbeddedDatabase({ dataDir });
  const wechat = await startContractWechat();
  // The server's warnings and errors (a 500's stack) go to a file beside the reports.
  const serverLog = createWriteStream(path.join(REPORTS, 'server.log'));
  try {
    const stack = await startStack({
      databaseUri: db.uri,
      logStream: serverLog,
      overrides: { logLevel: 'warn', wechat: { apiBaseUrl: wechat.baseUrl, timeoutMs: 500 }, wishes: { contentCheck: 'off' }, monitoring: { contentCheck: 'off' }, h5Dir: '' },
    });
    try {
      const api = client(stack.baseUrl);
      const doc = await api.get('/docs/json');
      writeFileSync(path.join(REPORTS, 'openapi.json'), JSON.stringify(doc.body, null, 2));
      const operations = Object.values(doc.body.paths as Record<string, object>).reduce((n, ops) => n + Object.keys(ops).length, 0);
      // A verified resident with a submitted application, a draft ready to submit and a document.
      const kit = applicationsKit(stack);
      const resident = await kit.resident('contract-resident');
      const application = await kit.submitted(resident.token);
      const draft = await kit.readyDraft(resident.token, 'temporary');
      const file = await kit.upload(resident.token);
      const staff = await api.signIn('contract-staff', { role: 'staff', regionCode: '371402', level: 'county' });
      const admin = await api.signIn('contract-admin', { role: 'admin' });
      // A grid worker of a village of the staff member's county: the task routes are theirs alone.
      const gridWorker = await api.signIn('contract-gridworker', { role: 'gridWorker', regionCode: '371402001001' });
      // A charity organisation's account: made the only way there is, an admin's invitation redeemed.
      const charity = await charityAccount(api, admin.accessToken);
      // Redeeming an invitation starts a new session and ends the caller's: a person of its own.
      const redeemer = await api.signIn('contract-redeemer');
      const code = await schemathesis(
        stack.baseUrl,
        { resident: resident.token, staff: staff.accessToken, admin: admin.accessToken, redeemer: redeemer.accessToken, gridWorker: gridWorker.accessToken, charity },
        { applicationId: application.id, draftId: draft.id, fileId: file.body.id },
      );
      const counts = summarise(operations, code);
      writeFileSync(SUMMARY, JSON.stringify({ ...counts, ok: code === 0 }));
      console.log(`Server log: ${path.relative(ROOT, path.join(REPORTS, 'server.log'))}`);
      console.log(`\ncontract: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
      return code;
    } finally {
      await stack.stop();
    }
  } finally {
    serverLog.end();
    await wechat.stop();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (err) => { console.error(err); process.exit(1); });
