import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { addMonths, shanghaiMonth } from '@dajiuzhu/shared';
import type { ActionContext } from '../context';
import type { DemoClock } from './demoClock';
import { DEMO_PROFILES, type DemoCast } from './demoPeople';
import type { DemoSteps } from './demoSteps';

/** One imported row: what a department's spreadsheet says was paid (amounts in yuan, as they send them). */
interface Row { who: keyof typeof DEMO_PROFILES; programme: string; yuan: string; period: string; ref: string }

const CITIES = [['dezhou', 'demo-staff-dezhou-county'], ['liaocheng', 'demo-staff-liaocheng-county']] as const;
const HEADER = '身份证号,姓名,救助项目,金额,发放月份,业务流水号';

/**
 * The ledger part of the story, through the ledger domain's own services (app.ledger): the monthly
 * 低保 and 特困 paid since last year (imported from the civil-affairs file), this month's payment
 * run (paid from the approved entitlements, the one-off 临时救助 included), department files
 * imported (医疗救助, 取暖补贴, and the 微心愿 the charity federation reports), then the 幸福清单
 * of last year and this year published for 德州市 and 聊城市. Real dates: a month not yet come is
 * never run or imported.
 */
export async function seedDemoLedger(app: FastifyInstance, cast: DemoCast, clock: DemoClock, steps: DemoSteps) {
  const thisYear = Number(clock.today.slice(0, 4));
  const lastYear = thisYear - 1;
  const currentMonth = shanghaiMonth();
  const months: string[] = [];
  for (let m = `${lastYear}-01`; m <= currentMonth; m = addMonths(m, 1)) months.push(m);
  const due = (rows: Row[]) => rows.filter((r) => r.period <= currentMonth);

  // The monthly allowances paid before this month come from the civil-affairs file (the old
  // system's history, one import per city: 46 payment runs took 4–5 s of the start); this month's
  // are paid by the month's payment run, which also pays the one-off 临时救助 approved last month.
  const county = cast.ctx('demo-staff-dezhou-county');
  const liaocheng = cast.ctx('demo-staff-liaocheng-county');
  const history = (who: Row['who'], programme: string, yuan: string, from: string, tag: string) =>
    months.filter((m) => m >= from && m < currentMonth).map((period) => ({ who, programme, yuan, period, ref: `${tag}${period.replace('-', '')}` }));
  await steps.once('ledger:dezhou:import-civil-affairs', () => importRows(app, county, 'civilAffairs', '低保金发放明细.csv', history('demo-resident-wang', '低保', '460.00', `${lastYear}-02`, 'DB0001')));
  await steps.once('ledger:liaocheng:import-civil-affairs', () => importRows(app, liaocheng, 'civilAffairs', '特困供养金发放明细.csv', history('demo-resident-li', '特困', '780.00', `${lastYear}-04`, 'TK0101')));
  for (const [name, staff] of CITIES) {
    await steps.once(`ledger:${name}:payment-run-${currentMonth}`, async () => { const ctx = cast.ctx(staff); await settled(app, ctx, (await app.ledger.runs.start(ctx, currentMonth)).id); });
  }

  await steps.once('ledger:dezhou:import-medical', () => importRows(app, county, 'medical', '医疗救助发放明细.csv', due([
    { who: 'demo-resident-wang', programme: '医疗救助', yuan: '1280.50', period: `${lastYear}-05`, ref: `YB${lastYear}0500017` },
    { who: 'demo-resident-wang', programme: '医疗救助', yuan: '2316.00', period: `${lastYear}-12`, ref: `YB${lastYear}1200042` },
    { who: 'demo-resident-wang', programme: '医疗救助', yuan: '860.00', period: `${thisYear}-03`, ref: `YB${thisYear}0300008` },
  ])));
  await steps.once('ledger:dezhou:import-heating', () => importRows(app, county, 'heating', '取暖补贴发放表.csv', due([
    { who: 'demo-resident-wang', programme: '取暖补贴', yuan: '600.00', period: `${lastYear}-11`, ref: `QN${lastYear}110003` },
    { who: 'demo-resident-wang', programme: '取暖补贴', yuan: '600.00', period: `${thisYear}-11`, ref: `QN${thisYear}110003` },
  ])));
  await steps.once('ledger:dezhou:import-charity', () => importRows(app, county, 'charity', '慈善总会微心愿台账.csv', due([
    { who: 'demo-resident-wang', programme: '微心愿', yuan: '120.00', period: currentMonth, ref: `CS${currentMonth.replace('-', '')}0001` },
  ])));
  await steps.once('ledger:liaocheng:import-heating', () => importRows(app, liaocheng, 'heating', '取暖补贴发放表.csv', due([
    { who: 'demo-resident-li', programme: '取暖补贴', yuan: '500.00', period: `${lastYear}-11`, ref: `QN${lastYear}110101` },
    { who: 'demo-resident-li', programme: '取暖补贴', yuan: '500.00', period: `${thisYear}-11`, ref: `QN${thisYear}110101` },
  ])));

  // Published once everything is booked.
  for (const [name, staff] of CITIES) {
    for (const year of [lastYear, thisYear]) {
      await steps.once(`ledger:${name}:publish-${year}`, async () => { const ctx = cast.ctx(staff); await settled(app, ctx, (await app.ledger.lists.publish(ctx, year)).id); });
    }
  }
}

/** Waits for a ledger job this process started and fails the step if the job failed. */
async function settled(app: FastifyInstance, ctx: ActionContext, jobId: string) {
  await app.ledger.runner.settle(jobId);
  const job = await app.ledger.lists.job(ctx, jobId);
  if (job.status !== 'done') throw new Error(`ledger job ${jobId} ended ${job.status}: ${job.error?.message ?? ''}`);
}

/** Uploads a department's file as the county officer would (CSV, UTF-8) and waits for the import. */
async function importRows(app: FastifyInstance, ctx: ActionContext, source: string, fileName: string, rows: Row[]) {
  if (!rows.length) return;
  const csv = [HEADER, ...rows.map((r) => [DEMO_PROFILES[r.who].idNumber, DEMO_PROFILES[r.who].name, r.programme, r.yuan, r.period, r.ref].join(','))].join('\n') + '\n';
  const started = await app.ledger.imports.upload(ctx, { source, amountUnit: 'yuan', encoding: 'utf8', fileName, stream: Readable.from([Buffer.from(csv, 'utf8')]) });
  await app.ledger.runner.settle(started.id);
  const done = await app.ledger.imports.get(ctx, started.id);
  if (done.status !== 'done' || done.counts.accepted !== rows.length) throw new Error(`import ${fileName}: ${done.status}, ${JSON.stringify(done.counts)}`);
}
