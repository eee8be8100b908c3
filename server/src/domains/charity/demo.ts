import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { checkCharFor, shanghaiDate, shanghaiYear, withCreditCheck, type DevSignInBody } from '@dajiuzhu/shared';
import type { ActionContext } from '../../core/context';
import type { CharityServices } from './services/charityServices';

/**
 * The 慈善筹 part of the demo story (a DemoSeeder, run once by core/seed/demo.ts through main.ts):
 * 德州市慈善总会 (account `demo-charity-dezhou`) invited by the demo admin, with a raising project
 * that has donations, a company's matching pledge, spending (a warm-winter pack for 王建国, who then
 * finds it in his 幸福清单 under other help) and a progress report; a project the organisation ended
 * early, with its final report; one waiting for the county's review; and a draft. Made through the product's own
 * services, as the people of the story would have.
 */
export interface CharityDemoServices {
  charity: CharityServices;
  /** A confirmed donation (the donations side: order, payment at the fake payment server, confirmation); null without the fake provider. */
  donate(ctx: ActionContext, projectId: string, amountFen: number, donorName: string): Promise<string | null>;
}
const servicesOf = new WeakMap<FastifyInstance, CharityDemoServices>();
export const keepCharityDemo = (app: FastifyInstance, s: CharityDemoServices) => { servicesOf.set(app, s); };

export const DEMO_CHARITY_OPENID = 'demo-charity-dezhou';
const CREDIT_CODE = withCreditCheck('51371400MJD000017');
const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));
const wangId = () => { const f = '37140219520314001'; return f + checkCharFor(f); }; // DEMO_PROFILES['demo-resident-wang']

async function actor(app: FastifyInstance, openid: string, grant: DevSignInBody = { openid }): Promise<ActionContext> {
  const user = await app.services.users.grantDemoRole(await app.services.users.accountFor(`dev:${openid}`), grant);
  return { requestId: `seed:${openid}`, actor: user };
}

export async function seedCharityDemo(app: FastifyInstance): Promise<void> {
  const s = servicesOf.get(app);
  if (!s) throw new Error('the charity domain is not registered on this app');
  const { charity } = s;
  const admin = await actor(app, 'demo-admin', { openid: 'demo-admin', role: 'admin' });
  let org = await actor(app, DEMO_CHARITY_OPENID);
  if (!org.actor.roles.includes('charity')) {
    const invitation = await app.services.invitations.create(admin, { role: 'charity', regionCode: '371400', organization: { name: '德州市慈善总会', creditCode: CREDIT_CODE, registrationNo: '鲁德民慈字第001号' }, note: '演示' });
    org = { ...org, actor: await app.services.invitations.redeem(org, invitation.code) };
  }
  const county = await actor(app, 'demo-staff-dezhou-county');
  const draft = (body: Omit<Parameters<CharityServices['projects']['create']>[1], 'requestKey'>) => charity.projects.create(org, { requestKey: randomUUID(), ...body });

  // 1. Raising: donations, a matching pledge, spending (aid in kind to 王建国), a progress report.
  const warm = await draft({
    title: '新华街道困难老人冬季温暖包', story: '为新华街道独居、高龄的困难老人送去冬季温暖包（棉被、米面油、电暖器），由社区工作人员入户发放并公示。',
    targetGroup: 'elderly', regionCode: '371402001', goalFen: 3_000_000, startDate: day(-40), endDate: day(140),
    budgetLines: [{ label: '温暖包物资', amountFen: 2_500_000 }, { label: '配送与公示', amountFen: 500_000 }],
  });
  await charity.projects.submit(org, warm.id);
  await charity.review.approve(county, warm.id, '材料齐全，同意发布');
  const zhang = await actor(app, 'demo-donor-zhang');
  await s.donate(zhang, warm.id, 100_000, '张先生');
  for (const [n, name] of [['demo-person-zhao', '赵女士'], ['demo-person-sun', '孙女士'], ['demo-resident-li', '李秀英']] as const) await s.donate(await actor(app, n), warm.id, 20_000, name);
  const company = await actor(app, 'demo-donor-company');
  await charity.pledges.pledge(company, warm.id, { companyName: '德州某建材有限公司', taxNo: withCreditCheck('91371400MA3C00017'), ratioPercent: 100, capFen: 500_000 }).catch(() => null);
  const raised = await charity.public.page(warm.id).then((p) => p.raisedFen);
  if (raised >= 80_000) {
    await charity.spending.record(org, warm.id, {
      requestKey: randomUUID(), amountFen: 30_000, spentOn: day(-3), purpose: '冬季温暖包（棉被、米面油）', budgetLineId: 'b1', kind: 'inKind',
      beneficiary: { name: '王建国', idNumber: wangId(), regionCode: '371402001' }, itemDescription: '棉被 1 床、米 10 斤、面 10 斤、油 5 升',
    });
    await charity.spending.record(org, warm.id, { requestKey: randomUUID(), amountFen: 50_000, spentOn: day(-2), purpose: '采购温暖包 20 份', budgetLineId: 'b1', kind: 'general', peopleHelped: 20 });
    await charity.reports.file(org, warm.id, { requestKey: randomUUID(), kind: 'progress', title: '第一批温暖包已发放', body: '首批 21 份温暖包已由社区工作人员入户送到老人家中，物资清单和签收单已在社区公示栏公示。' });
    // 王建国's 幸福清单 of this year shows it once published again (the township's publish, as staff would).
    const township = await actor(app, 'demo-staff-dezhou-township');
    const job = await app.ledger.lists.publish(township, shanghaiYear());
    await app.ledger.runner.settle(job.id);
  }

  // 2. Ended: the goal reached, the organisation ended it early; spending and the final report.
  const spring = await draft({
    title: '春节送温暖', story: '春节前为德城区的低保、特困家庭送去慰问金和年货，让困难群众过一个温暖的春节。',
    targetGroup: 'lowIncome', regionCode: '371402', goalFen: 1_000_000, startDate: day(-120), endDate: day(10),
    budgetLines: [{ label: '慰问金', amountFen: 800_000 }, { label: '年货', amountFen: 200_000 }],
  });
  await charity.projects.submit(org, spring.id);
  await charity.review.approve(county, spring.id, '同意');
  await s.donate(zhang, spring.id, 60_000, '张先生');
  if ((await charity.public.page(spring.id)).raisedFen >= 50_000) {
    await charity.spending.record(org, spring.id, { requestKey: randomUUID(), amountFen: 50_000, spentOn: day(-35), purpose: '年货采购与发放', budgetLineId: 'b2', kind: 'general', peopleHelped: 10 });
  }
  await charity.projects.closeByOrganization(org, spring.id, '春节已过，提前结束募捐');
  await charity.reports.file(org, spring.id, { requestKey: randomUUID(), kind: 'final', title: '春节送温暖结项报告', body: '本项目共收到捐款 600 元，支出 500 元用于年货采购，已送到 10 户困难家庭，余款转入冬季温暖包项目。' });

  // 3. Waiting for the county's review, and 4. a draft.
  const students = await draft({
    title: '困难学生助学金', story: '为德州市家庭困难的中小学生提供每学期的助学金和学习用品，由学校和社区共同核实名单。',
    targetGroup: 'students', regionCode: '371400', goalFen: 5_000_000, startDate: day(7), endDate: day(190),
    budgetLines: [{ label: '助学金', amountFen: 4_000_000 }, { label: '学习用品', amountFen: 1_000_000 }],
  });
  await charity.projects.submit(org, students.id);
  await draft({
    title: '残疾人康复辅具', story: '为德城区困难残疾人配发轮椅、助行器等康复辅具，由残联核实需求后发放。',
    targetGroup: 'disabled', regionCode: '371402', goalFen: 800_000, startDate: day(30), endDate: day(210), budgetLines: [{ label: '辅具采购', amountFen: 800_000 }],
  });
}
