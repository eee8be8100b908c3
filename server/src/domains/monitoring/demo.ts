import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { addMonthsToDate, checkCharFor, shanghaiDate, type RecordVisitBody } from '@dajiuzhu/shared';
import type { ActionContext } from '../../core/context';
import type { UserDoc } from '../../core/models';
import type { ImportFileService } from './services/importFiles';
import type { DeskService } from './services/desk';
import type { TaskService } from './services/tasks';
import type { ReportService } from './services/reports';
import type { MonitoringJobRunner } from './services/jobRunner';
import type { MonitoringRepository } from './repository';
import { DEMO_NOTE } from './messages';

/** The domain's services, kept per app by index.ts for the demo (nothing else reaches them). */
export interface DemoServices { imports: ImportFileService; desk: DeskService; tasks: TaskService; reports: ReportService; runner: MonitoringJobRunner; repo: MonitoringRepository }
const servicesOf = new WeakMap<FastifyInstance, DemoServices>();
export const keepDemoServices = (app: FastifyInstance, s: DemoServices) => { servicesOf.set(app, s); };

const REGION = '371402001001'; // 新华街道某社区 (the demo grid worker's)
const id = (seq: number, birth: string) => { const f = `371402${birth}${String(seq).padStart(3, '0')}`; return f + checkCharFor(f); };
const ago = (months: number) => addMonthsToDate(shanghaiDate(), -months);

/** The watch list and the department rows of the story: who triggers which rule. */
const PEOPLE = [
  { key: 'liu', name: '刘桂芝', id: id(101, '19510203'), group: '低保', income: '1200', size: '2' }, // medical red
  { key: 'chen', name: '陈建华', id: id(102, '19680911'), group: '低保边缘', income: '4200', size: '4' }, // medical yellow, unemployment
  { key: 'yang', name: '杨春兰', id: id(103, '19590415'), group: '特困', income: '0', size: '1' }, // disability orange
  { key: 'he', name: '何志强', id: id(104, '19750720'), group: '低保', income: '1800', size: '3' }, // vehicle (supervision)
  { key: 'gao', name: '高玉珍', id: id(105, '19450101'), group: '低保', income: '900', size: '2' }, // death
  { key: 'lin', name: '林晓东', id: id(106, '19800318'), group: '支出型困难家庭', income: '3500', size: '3' }, // school cost
  { key: 'ma', name: '马秀英', id: id(107, '19620630'), group: '最困难3%', income: '1500', size: '2' }, // medical yellow
];
const person = (key: string) => PEOPLE.find((p) => p.key === key)!;

const FILES: { source: string; lines: string[] }[] = [
  { source: 'populationList', lines: ['身份证号,姓名,监测类别,行政区划代码,家庭月收入,家庭人口', ...PEOPLE.map((p) => `${p.id},${p.name},${p.group},${REGION},${p.income},${p.size}`)] },
  { source: 'medical', lines: ['身份证号,姓名,结算日期,个人自付,医疗总费用,业务流水号', `${person('liu').id},刘桂芝,${ago(3)},38000,86000,YB-DEMO-1`, `${person('liu').id},刘桂芝,${ago(1)},19000,40000,YB-DEMO-2`, `${person('chen').id},陈建华,${ago(2)},21000,52000,YB-DEMO-3`, `${person('ma').id},马秀英,${ago(4)},9500,20000,YB-DEMO-4`] },
  { source: 'disability', lines: ['身份证号,姓名,残疾等级,发证日期', `${person('yang').id},杨春兰,一级,${ago(1)}`] },
  { source: 'humanResources', lines: ['身份证号,姓名,事项,登记日期', `${person('chen').id},陈建华,失业登记,${ago(1)}`] },
  { source: 'assets', lines: ['身份证号,姓名,资产类别,登记日期,价值', `${person('he').id},何志强,车辆,${ago(2)},86000`] },
  { source: 'publicSecurity', lines: ['身份证号,姓名,事项,登记日期', `${person('gao').id},高玉珍,死亡,${ago(1)}`] },
  { source: 'education', lines: ['身份证号,姓名,学杂费,学期开始日期', `${person('lin').id},林晓东,26000,${ago(2)}`] },
];

async function account(app: FastifyInstance, openid: string, body: Parameters<FastifyInstance['services']['users']['grantDemoRole']>[1]): Promise<UserDoc> {
  const u = await app.services.users.accountFor(`dev:${openid}`);
  return app.services.users.grantDemoRole(u, body);
}

/**
 * The monitoring part of the demo story (called from core/seed/demo.ts as a DemoSeeder), made
 * through the domain's own services as the township would: a watch list and department files for
 * 新华街道, their evaluation (red, orange and yellow alerts), alerts assigned to the demo grid worker,
 * visits with every outcome (纳入救助, 先行救助, 转介, 无需救助, 未见到人), confirmed and returned
 * ones, a 随手拍 report and a 一键求助. Runs once: with alerts already there it does nothing.
 */
export async function seedMonitoringDemo(app: FastifyInstance): Promise<void> {
  const s = servicesOf.get(app);
  if (!s) throw new Error('the monitoring domain is not registered on this app');
  if ((await s.repo.listAlerts(REGION, {}, 1)).length) return;
  const ctx = (actor: UserDoc): ActionContext => ({ requestId: 'seed-monitoring', actor });
  const township = ctx(await account(app, 'demo-staff-dezhou-township', { openid: 'demo-staff-dezhou-township', role: 'staff', level: 'township', regionCode: '371402001' }));
  const grid = ctx(await account(app, 'demo-gridworker-dezhou', { openid: 'demo-gridworker-dezhou', role: 'gridWorker', regionCode: REGION }));

  for (const f of FILES) {
    const view = await s.imports.upload(township, { source: f.source, fileName: `演示-${f.source}.csv`, stream: Readable.from([Buffer.from(f.lines.join('\n') + '\n', 'utf8')]) });
    await s.runner.settle(view.id);
    const done = await s.repo.findJob(view.id);
    if (done?.evaluationId) await s.runner.settle(done.evaluationId);
  }

  const alerts = await s.repo.listAlerts(REGION, {}, 100);
  const bySubject = (name: string, kind?: string) => alerts.find((a) => a.subjectName === name && (!kind || a.ruleKind === kind));
  const visit = async (alertId: string | undefined, outcome: RecordVisitBody['outcome'], seen: string) => {
    if (!alertId) return;
    await s.desk.assign(township, alertId, { assigneeId: grid.actor._id, note: DEMO_NOTE });
    await s.tasks.recordVisit(grid, alertId, { visitKey: `demo-${alertId.slice(3, 15)}-${outcome.kind}`, visitedAt: new Date().toISOString(), seen, photoFileIds: [], situation: {}, outcome });
  };
  const liu = bySubject('刘桂芝')?._id;
  const yang = bySubject('杨春兰')?._id;
  const he = bySubject('何志强')?._id;
  const gao = bySubject('高玉珍')?._id;
  const lin = bySubject('林晓东')?._id;
  const chenMedical = bySubject('陈建华', 'medicalOutOfPocket')?._id;
  const ma = bySubject('马秀英')?._id;

  // 纳入救助 (confirmed: closed), 先行救助 (waiting for the township), 转介 (returned for a second look),
  // 无需救助 (confirmed), 未见到人 (still with the worker), one assigned and not yet visited, the rest open.
  await visit(liu, { kind: 'enrol', programme: 'temporary', consent: { agreed: true, signedName: '刘桂芝' } }, '刚做完手术在家休养，老伴身体也不好，药费负担重');
  if (liu) await s.desk.confirm(township, liu, '已纳入临时救助（支出型）');
  await visit(yang, { kind: 'emergencyAid' }, '独居，新办一级残疾证，生活不能自理');
  await visit(lin, { kind: 'refer', referTo: '区慈善总会 助学项目' }, '孩子上高职，学费和住宿费较高');
  if (lin) await s.desk.returnForRevisit(township, lin, '请核实助学项目是否已对接');
  await visit(he, { kind: 'noAssistanceNeeded', reason: '车辆为其兄长借用其名义登记，已出具说明，家庭收入无变化' }, '家中未见车辆');
  if (he) await s.desk.confirm(township, he, '核查属实，低保继续');
  await visit(gao, { kind: 'notFound', reason: '家中无人，邻居说家属在外地办理后事' }, '敲门无人应答');
  if (chenMedical) await s.desk.assign(township, chenMedical, { assigneeId: grid.actor._id, note: DEMO_NOTE });
  void ma; // stays open on the desk

  const wang = ctx(await account(app, 'demo-resident-wang', { openid: 'demo-resident-wang', role: 'resident' }));
  await s.reports.hardshipReport(wang, { requestKey: 'demo-report-0001', text: '小区北门附近有位老人每天捡废品，腿脚不便，好像一个人住', regionCode: REGION, address: '新华街道某小区北门附近' });
  if (await app.services.profiles.findById(wang.actor._id)) {
    await s.reports.helpRequest(wang, { requestKey: 'demo-help-0001', text: '老伴住院花了不少钱，想问问能不能申请救助', category: 'medical' });
  }
}
