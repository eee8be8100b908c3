import { Type, type Static } from '@sinclair/typebox';
import { APPLICATION_PROGRAMMES, findChainProblem, type ApplicationProgramme, type ChainStep } from '@dajiuzhu/shared';
import { ConfigError } from './configError';

/**
 * The staff chain per programme (shape of 民发〔2021〕57号 《最低生活保障审核确认办法》 and the
 * 特困、临时救助、残疾人两项补贴、儿童福利 rules), its deadlines, and in-app / WeChat messages.
 * Read and validated when the applications plugin starts.
 */
const Step = Type.Union(['accept', 'homeVisit', 'review', 'publicNotice', 'approve'].map((s) => Type.Literal(s)));

export const ProgrammeChainSchema = Type.Object(
  {
    steps: Type.Array(Step, { minItems: 3 }),
    /** First month paid: the month after approval (dibao), the month of application (disability subsidies), or the approval month. */
    startMonth: Type.Union([Type.Literal('afterApproval'), Type.Literal('applicationMonth'), Type.Literal('approvalMonth')]),
    /** Months until the next recheck (复核); 0 for one-off aid. */
    recheckMonths: Type.Integer({ minimum: 0, maximum: 36 }),
  },
  { additionalProperties: false },
);

export const ApplicationSettingsSchema = Type.Object(
  {
    programmes: Type.Record(Type.String(), ProgrammeChainSchema),
    deadlines: Type.Object(
      {
        /** 入户调查 starts within this many working days of acceptance (57号: 3). */
        homeVisitWithinWorkingDays: Type.Integer({ minimum: 1, maximum: 30 }),
        /** County approval within this many working days of receiving the case (57号: 10). */
        approveWithinWorkingDays: Type.Integer({ minimum: 1, maximum: 60 }),
        /** Whole case from acceptance (57号: 30; 45 when extended with a reason). */
        overallWorkingDays: Type.Integer({ minimum: 1, maximum: 120 }),
        overallExtendedWorkingDays: Type.Integer({ minimum: 1, maximum: 180 }),
        /** 公示期 in calendar days (57号: 7). */
        publicNoticeDays: Type.Integer({ minimum: 1, maximum: 30 }),
      },
      { additionalProperties: false },
    ),
    messages: Type.Object(
      {
        /** WeChat subscribe-message template for progress updates; empty: only in-app messages. */
        subscribeTemplateId: Type.String({ maxLength: 64 }),
        /** The mini-program page the message opens. */
        page: Type.String({ maxLength: 200 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ApplicationSettings = Static<typeof ApplicationSettingsSchema> & { programmes: Record<ApplicationProgramme, Static<typeof ProgrammeChainSchema> & { steps: ChainStep[] }> };

const FULL: ChainStep[] = ['accept', 'homeVisit', 'review', 'publicNotice', 'approve'];

export const APPLICATION_SETTINGS: ApplicationSettings = {
  programmes: {
    dibao: { steps: FULL, startMonth: 'afterApproval', recheckMonths: 12 },
    tekun: { steps: FULL, startMonth: 'afterApproval', recheckMonths: 12 },
    expenditureHardship: { steps: FULL, startMonth: 'afterApproval', recheckMonths: 6 },
    // 临时救助: investigation and review, no public notice for one-off aid; emergency cases may be granted first.
    temporary: { steps: ['accept', 'homeVisit', 'review', 'approve'], startMonth: 'approvalMonth', recheckMonths: 0 },
    // 残疾人两项补贴: paid from the month of application; the certificate is the evidence, no home visit.
    disabilityLiving: { steps: ['accept', 'review', 'approve'], startMonth: 'applicationMonth', recheckMonths: 12 },
    disabilityCare: { steps: ['accept', 'review', 'approve'], startMonth: 'applicationMonth', recheckMonths: 12 },
    // Children's programmes are never publicly posted.
    orphan: { steps: ['accept', 'homeVisit', 'review', 'approve'], startMonth: 'afterApproval', recheckMonths: 12 },
    childInHardship: { steps: ['accept', 'homeVisit', 'review', 'approve'], startMonth: 'afterApproval', recheckMonths: 12 },
    unsupportedChild: { steps: ['accept', 'homeVisit', 'review', 'approve'], startMonth: 'afterApproval', recheckMonths: 12 },
  },
  deadlines: { homeVisitWithinWorkingDays: 3, approveWithinWorkingDays: 10, overallWorkingDays: 30, overallExtendedWorkingDays: 45, publicNoticeDays: 7 },
  messages: { subscribeTemplateId: '', page: 'packages/assistance/pages/detail/index' },
};

const CHILDREN: ApplicationProgramme[] = ['orphan', 'childInHardship', 'unsupportedChild'];

/** Environment variables of applications, each naming one key under `applications`. */
export const APPLICATION_ENV_KEYS: Record<string, string> = {
  APPLICATION_SUBSCRIBE_TEMPLATE_ID: 'applications.messages.subscribeTemplateId',
};

/** Rules the schema cannot state: every programme has a chain in the legal order; children are never posted. */
export function checkApplicationSettings(settings: ApplicationSettings): void {
  for (const p of APPLICATION_PROGRAMMES) {
    const chain = settings.programmes[p];
    if (!chain) throw new ConfigError(`配置错误 applications.programmes.${p}: missing`);
    const problem = findChainProblem(chain.steps);
    if (problem) throw new ConfigError(`配置错误 applications.programmes.${p}.steps: ${problem}`);
    if (CHILDREN.includes(p) && chain.steps.includes('publicNotice')) throw new ConfigError(`配置错误 applications.programmes.${p}.steps: 儿童类项目不公示`);
  }
  for (const p of Object.keys(settings.programmes)) {
    if (!APPLICATION_PROGRAMMES.includes(p as ApplicationProgramme)) throw new ConfigError(`配置错误 applications.programmes.${p}: unknown programme`);
  }
  if (settings.deadlines.overallExtendedWorkingDays < settings.deadlines.overallWorkingDays) throw new ConfigError('配置错误 applications.deadlines.overallExtendedWorkingDays: shorter than overallWorkingDays');
}
