import type { FastifyInstance } from 'fastify';
import { CHECK_AUTHORIZATION, addCalendarDays, checkCharFor, type ApplicationForm, type ApplicationMember, type ApplicationProgramme } from '@dajiuzhu/shared';
import { demoClock, type DemoClock } from './demoClock';
import type { DemoCast, Neighbour } from './demoPeople';
import { DEMO_NEIGHBOURS } from './demoPeople';
import type { DemoSteps } from './demoSteps';

/** A one-page PDF standing in for a scanned paper (身份证, 户口簿). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

const DEZHOU_TOWNSHIP = 'demo-staff-dezhou-township';
const DEZHOU_COUNTY = 'demo-staff-dezhou-county';
const LIAOCHENG_TOWNSHIP = 'demo-staff-liaocheng-township';
const LIAOCHENG_COUNTY = 'demo-staff-liaocheng-county';
const INVESTIGATORS = ['刘芳', '张伟'];

/** The staff chain as far as a case has gone, each step on its day; `approve` is the county's. */
interface CaseScript {
  step: string;
  applicant: string;
  programme: ApplicationProgramme;
  form: Omit<ApplicationForm, 'members'> & { self: Partial<ApplicationMember>; others?: ApplicationMember[] };
  documents: { item: string; name: string }[];
  township: string;
  county: string;
  submittedOn: string;
  acceptedOn?: string;
  visit?: { on: string; findings: string };
  review?: { on: string; monthlyFen: number };
  noticeOn?: string;
  approvedOn?: string;
}

/** 赵桂兰's son (a household member, not an account): a syntactically valid, made-up number. */
const DEMO_CHILD_ID = `37140219760512003${checkCharFor('37140219760512003')}`;

const ID_AND_REGISTER = [{ item: 'idCard', name: '身份证.pdf' }, { item: 'householdRegister', name: '户口簿.pdf' }];

/**
 * Files a case as its applicant on `submittedOn`, then takes it through the chain as far as the
 * script goes, each step on its day: the domain's services on a clock of the case's own.
 */
async function playCase(app: FastifyInstance, cast: DemoCast, s: CaseScript): Promise<string> {
  const clock = demoClock();
  const svc = app.applications.servicesAt(clock.now);
  const services = app.services;
  clock.setDay(s.submittedOn);
  const me = cast.ctx(s.applicant);
  const draft = await svc.drafts.create(me, { programme: s.programme });
  const documents = [];
  for (const d of s.documents) documents.push({ item: d.item, fileId: (await services.files.upload(me, { purpose: 'document', name: d.name, data: PDF })).id });
  const { self, others, ...rest } = s.form;
  const members = [{ ...draft.form.members![0], ...self }, ...(others ?? [])];
  await svc.drafts.save(me, draft.id, { form: { ...rest, members }, documents, currentStep: 4 });
  await svc.drafts.signCheckAuthorization(me, draft.id, CHECK_AUTHORIZATION.version);
  const { application } = await svc.submit(me, draft.id, `demo-${s.step}`);
  const id = application.id;

  const township = cast.ctx(s.township);
  if (s.acceptedOn) { clock.setDay(s.acceptedOn); await svc.staff.act(township, id, 'accept', {}); }
  if (s.visit) { clock.setDay(s.visit.on); await svc.staff.act(township, id, 'recordHomeVisit', { visitedOn: s.visit.on, investigators: INVESTIGATORS, findings: s.visit.findings }); }
  if (s.review) { clock.setDay(s.review.on); await svc.staff.act(township, id, 'review', { recommendation: 'approve', proposedMonthlyAmountFen: s.review.monthlyFen, note: '经入户调查和家庭经济状况核对，符合条件' }); }
  if (s.noticeOn) { clock.setDay(s.noticeOn); await svc.staff.act(township, id, 'startPublicNotice', {}); }
  if (s.approvedOn) { clock.setDay(s.approvedOn); await svc.staff.act(cast.ctx(s.county), id, 'approve', { note: '公示无异议，审批通过' }); }
  clock.reset();
  return id;
}

const neighbour = (n: Neighbour) => DEMO_NEIGHBOURS[n].openid;
const elderly = (age: number, pensionFen: number): Partial<ApplicationMember> => ({ age, canWork: false, incomes: [{ kind: 'pension', monthlyFen: pensionFen }] });

/**
 * The cases of the story, at every stage of the chain (docs/applications.md):
 * - 王建国: 低保 approved in January last year (paid every month since: his 幸福清单), a 临时救助
 *   accepted three days ago and waiting for the home visit, and a draft he has not finished;
 * - 赵桂兰: 低保 whose 公示 ended yesterday — the county officer can approve it now;
 * - 孙玉梅: 低保 in 公示 (on the public 公示 list); 郑国强: 特困 investigated, waiting for review;
 * - 吴秀珍: 低保 accepted yesterday, home visit due; 周大海: 临时救助 submitted today, to accept;
 * - 钱小红: 临时救助 approved last month and paid once;
 * - 李秀英 (聊城): 特困 approved in March last year, paid every month since.
 */
export async function seedDemoApplications(app: FastifyInstance, cast: DemoCast, clock: DemoClock, steps: DemoSteps, opts: { publicNoticeDays: number }) {
  const lastYear = Number(clock.today.slice(0, 4)) - 1;
  const d = clock.daysAgo;
  const dez = { township: DEZHOU_TOWNSHIP, county: DEZHOU_COUNTY };
  const play = (s: CaseScript) => steps.once(`application:${s.step}`, async () => { await playCase(app, cast, s); });

  // 公示 that began publicNoticeDays + 1 days ago ended yesterday: the county can approve today.
  const endedNoticeOn = d(opts.publicNoticeDays + 1);
  const cases: CaseScript[] = [
    {
      step: 'wang-dibao-approved', applicant: 'demo-resident-wang', programme: 'dibao', ...dez,
      form: { hukou: 'urban', reason: '老伴去世后独居，只有少量养老金，看病花销大，生活困难', assets: { savingsFen: 300000, houses: 1, vehicles: 0 }, self: elderly(73, 90000) },
      documents: ID_AND_REGISTER,
      submittedOn: `${lastYear}-01-06`, acceptedOn: `${lastYear}-01-07`,
      visit: { on: `${lastYear}-01-09`, findings: '独居老人，住房为单位旧宿舍，收入仅养老金，无其他财产' },
      review: { on: `${lastYear}-01-13`, monthlyFen: 46000 }, noticeOn: `${lastYear}-01-14`, approvedOn: `${lastYear}-01-23`,
    },
    {
      step: 'wang-temporary-accepted', applicant: 'demo-resident-wang', programme: 'temporary', ...dez,
      form: { hukou: 'urban', temporaryKind: 'expenditure', requestedAmountFen: 200000, reason: '冬季住院治疗，自付医疗费较多，基本生活暂时困难', self: { age: 74, seriousIllness: true } },
      documents: [{ item: 'idCard', name: '身份证.pdf' }, { item: 'hardshipProof', name: '住院费用清单.pdf' }],
      submittedOn: d(4), acceptedOn: d(3),
    },
    {
      step: 'zhao-dibao-notice-ended', applicant: neighbour('zhao'), programme: 'dibao', ...dez,
      form: { hukou: 'urban', reason: '本人患慢性病，儿子残疾无劳动能力，家庭收入低', self: elderly(78, 60000), others: [{ key: 'son', name: '赵小军', relation: 'child', idNumber: DEMO_CHILD_ID, age: 50, canWork: false, disabilityGrade: 2 }] },
      documents: ID_AND_REGISTER,
      submittedOn: addCalendarDays(endedNoticeOn, -10), acceptedOn: addCalendarDays(endedNoticeOn, -9),
      visit: { on: addCalendarDays(endedNoticeOn, -7), findings: '母子二人同住，儿子二级肢体残疾，家中无其他收入来源' },
      review: { on: addCalendarDays(endedNoticeOn, -4), monthlyFen: 98000 }, noticeOn: endedNoticeOn,
    },
    {
      step: 'sun-dibao-in-notice', applicant: neighbour('sun'), programme: 'dibao', ...dez,
      form: { hukou: 'urban', reason: '丈夫长期卧床，家庭收入只有一份低额养老金', self: elderly(71, 80000) },
      documents: ID_AND_REGISTER,
      submittedOn: d(12), acceptedOn: d(11), visit: { on: d(9), findings: '老两口同住，丈夫长期卧床需照料' },
      review: { on: d(6), monthlyFen: 52000 }, noticeOn: d(2),
    },
    {
      step: 'zheng-tekun-visited', applicant: neighbour('zheng'), programme: 'tekun', ...dez,
      form: { hukou: 'urban', reason: '无子女，无劳动能力，无生活来源', self: { age: 76, canWork: false, hasSupporter: false } },
      documents: ID_AND_REGISTER,
      submittedOn: d(10), acceptedOn: d(9), visit: { on: d(7), findings: '独居，无法定赡养人，日常生活需要照料' },
    },
    {
      step: 'wu-dibao-accepted', applicant: neighbour('wu'), programme: 'dibao', ...dez,
      form: { hukou: 'urban', reason: '下岗多年，身体不好，没有固定收入', self: { age: 66, canWork: false } },
      documents: ID_AND_REGISTER, submittedOn: d(3), acceptedOn: d(1),
    },
    {
      step: 'zhou-temporary-submitted', applicant: neighbour('zhou'), programme: 'temporary', ...dez,
      form: { hukou: 'urban', temporaryKind: 'emergency', requestedAmountFen: 300000, reason: '家中失火，衣物被褥和家电被烧毁，急需生活用品', self: { age: 55 } },
      documents: [{ item: 'idCard', name: '身份证.pdf' }], submittedOn: clock.today,
    },
    {
      step: 'qian-temporary-approved', applicant: neighbour('qian'), programme: 'temporary', ...dez,
      form: { hukou: 'urban', temporaryKind: 'expenditure', requestedAmountFen: 150000, reason: '孩子突发重病住院，医疗支出大', self: { age: 44 } },
      documents: [{ item: 'idCard', name: '身份证.pdf' }, { item: 'hardshipProof', name: '医疗费用票据.pdf' }],
      submittedOn: d(40), acceptedOn: d(39), visit: { on: d(37), findings: '孩子住院，家庭积蓄已用于治疗' }, review: { on: d(35), monthlyFen: 150000 }, approvedOn: d(33),
    },
    {
      step: 'li-tekun-approved', applicant: 'demo-resident-li', programme: 'tekun', township: LIAOCHENG_TOWNSHIP, county: LIAOCHENG_COUNTY,
      form: { hukou: 'rural', reason: '丈夫去世，无子女，年老体弱无劳动能力', self: { age: 61, canWork: false, hasSupporter: false } },
      documents: ID_AND_REGISTER,
      submittedOn: `${lastYear}-03-02`, acceptedOn: `${lastYear}-03-03`, visit: { on: `${lastYear}-03-05`, findings: '独居，无法定赡养人，靠亲戚接济' },
      review: { on: `${lastYear}-03-09`, monthlyFen: 78000 }, noticeOn: `${lastYear}-03-10`, approvedOn: `${lastYear}-03-20`,
    },
  ];
  const unfinished = () => steps.once('application:wang-draft', async () => {
    const svc = app.applications.servicesAt(clock.now);
    const me = cast.ctx('demo-resident-wang');
    const draft = await svc.drafts.create(me, { programme: 'disabilityLiving' });
    await svc.drafts.save(me, draft.id, { form: { members: draft.form.members, reason: '腿脚不便' }, currentStep: 1 });
  });
  // One after another: on the embedded database (one SQLite writer) side by side was no faster.
  for (const c of cases) await play(c);
  await unfinished();
}

