import type { FastifyInstance } from 'fastify';
import { addMonths, shanghaiDate, shanghaiMonth } from '@dajiuzhu/shared';
import '../applications/api';
import './api';
import '../reviews/api';
import type { HouseholdService } from './services/household';
import type { StaffDesk } from './services/staffDesk';
import type { RecheckRepository } from './repository';
import type { RecheckOpener } from './services/opening';

/** The domain's services, kept per app by index.ts for the demo seed (nothing else reaches them). */
export interface DemoServices {
  desk: StaffDesk; households: HouseholdService; repo: RecheckRepository;
  /** The same services on another clock (a recheck decided months ago). */
  at(now: () => Date): { desk: StaffDesk; households: HouseholdService; opener: RecheckOpener; schedule: (signal?: AbortSignal) => Promise<{ opened: number; noticesFinished: number; missingConfirmations: number }> };
}
const servicesOf = new WeakMap<FastifyInstance, DemoServices>();
export const keepDemoServices = (app: FastifyInstance, s: DemoServices) => { servicesOf.set(app, s); };
export const demoServicesOf = (app: FastifyInstance) => servicesOf.get(app);

const DAY = 24 * 60 * 60 * 1000;

/**
 * The 动态管理 part of the demo story (a DemoSeeder, passed by main.ts), made through the domain's
 * own services: for 王建国 (德州) a recheck closed today with a cut from next month — its letter and
 * message — and then a change report he filed, which opens the next recheck (due); for 李秀英 (聊城)
 * a scheduled recheck opened 45 days ago and still not done (overdue). Runs once: with rechecks of
 * these entitlements already there it does nothing.
 */
export async function seedRecheckDemo(app: FastifyInstance): Promise<void> {
  const s = servicesOf.get(app);
  if (!s) throw new Error('the recheck domain is not registered on this app');
  const userOf = async (openid: string) => app.services.users.accountFor(`dev:${openid}`);
  const ctx = async (openid: string) => ({ requestId: 'seed-recheck', actor: await userOf(openid) });
  const wangBlind = await app.services.identity.verifiedBlindIndexOf((await userOf('demo-resident-wang'))._id);
  const liBlind = await app.services.identity.verifiedBlindIndexOf((await userOf('demo-resident-li'))._id);
  const monthlyOf = async (blind: string | null) => blind ? (await app.applications.entitlementsOf(blind)).find((e) => e.payment === 'monthly' && e.status === 'active') : undefined;
  const wang = await monthlyOf(wangBlind);
  const li = await monthlyOf(liBlind);
  if (!wang || !li || (await s.repo.listForEntitlement(wang.id)).length) return;

  // 王建国: a recheck (opened for the demo as a supervision finding) decided today — a cut from next month, with its letter.
  const county = await ctx('demo-staff-dezhou-county');
  const opened = await app.recheck.open(county, { blindIndex: wang.beneficiary.idNumberBlindIndex, reason: '电子监察：家庭收入信号高于核定收入（演示数据）', trigger: 'supervision', key: 'demo' });
  const id = opened.rechecks.find((r) => r.entitlementId === wang.id)!.id;
  await s.desk.recordDataCheck(county, id, { hukou: 'urban', householdSize: 2, monthlyIncomeFen: 111000, householdStable: true, findings: '老伴开始领取养老金，每月约700元（演示数据）' });
  await s.desk.recordVisit(county, id, { visitedOn: shanghaiDate(), investigators: ['张伟', '刘芳'], findings: '两位老人在家，情况属实（演示数据）' });
  const next = (await app.applications.entitlement(wang.id))!;
  const fromMonth = addMonths(shanghaiMonth(), 1);
  await s.desk.decide(county, id, { outcome: 'adjust', fromMonth, monthlyAmountFen: Math.max(1, (next.monthlyAmountFen ?? 46000) - 6000), reasons: ['老伴新增养老金收入，家庭月收入增加', '按核定收入重新计算保障金额'] });
  // He asks for a review of the cut (复查): it waits on the township's desk, with the decision's reasons line by line.
  await app.reviews.service.request(await ctx('demo-resident-wang'), { subjectKind: 'recheck', subjectId: id, reason: '老伴的养老金每月实际到账约600元，请按实际收入重新核算（演示数据）' });
  // …then he reports a change from the app: the next recheck opens.
  await s.households.reportChange(await ctx('demo-resident-wang'), { entitlementId: wang.id, kind: 'income', text: '老伴住院，医疗支出增加（演示数据）', happenedOn: shanghaiDate(new Date(Date.now() - 3 * DAY)), requestKey: 'demo-change-wang' });

  // 李秀英: a scheduled recheck opened 45 days ago, its date 15 days past: overdue on the 聊城 desk.
  const past = s.at(() => new Date(Date.now() - 45 * DAY));
  await past.opener.openFor({ actorId: 'system:recheck', requestId: 'seed-recheck' }, li, { trigger: 'schedule', key: 'demo', reason: '定期复核（演示数据）', dueOn: shanghaiDate(new Date(Date.now() - 15 * DAY)) });
}

