import { indexCalendar, type ApplicationForm, type ApplicationProgramme } from '@dajiuzhu/shared';
import { loadHolidayCalendar } from '@dajiuzhu/config/src/holidays';
import { apiRoutes, defineDomain } from '../../core/domain';
import { ensureIndexes } from '../../core/db/ensureIndexes';
import { registerApplicationModels } from './models/application';
import { registerEntitlementModel } from './models/entitlement';
import { applicationRepository } from './repository';
import { applicationService } from './services/applicationService';
import { applicationNotifier } from './services/applicationNotifier';
import '../policy/api';
import { createSubscribeMessageClient } from '../../core/adapters/wechat/subscribeMessage';
import applicationRoutes from './routes/applications';
import staffCaseRoutes from './routes/staffCases';
import { entitlementReader } from './services/entitlementReader';
import type { ApplicationsApi } from './api';

/**
 * Applications (申请), the staff chain (受理 → 入户调查 → 审核 → 公示 → 审批), entitlements,
 * public notices and messages. Settings and the holiday calendar are validated here at start.
 */
export const applicationDomain = defineDomain('applications', async (app, { config, services }) => {
  const settings = config.applications;
  const calendar = indexCalendar(loadHolidayCalendar());

  const models = { ...registerApplicationModels(app.db), Entitlement: registerEntitlementModel(app.db) };
  await ensureIndexes(models);
  const repo = applicationRepository({ ...models, IdNumberClaim: app.models.IdNumberClaim, Identity: app.models.Identity });

  const policy = app.policy;
  const estimateMonthlyFen = (a: { programme: ApplicationProgramme; regionCode: string; hukou: string | null; form: ApplicationForm; date: string }) => {
    if (!a.hukou || !['dibao', 'tekun', 'disabilityLiving', 'disabilityCare', 'orphan', 'childInHardship', 'unsupportedChild'].includes(a.programme)) return null;
    const members = (a.form.members ?? []).map((m) => ({
      age: m.age ?? 40,
      ...(m.canWork !== undefined ? { canWork: m.canWork } : {}),
      ...(m.hasSupporter !== undefined ? { hasSupporter: m.hasSupporter } : {}),
      ...(m.disabilityGrade ? { disabilityGrade: m.disabilityGrade } : {}),
      ...(m.seriousIllness !== undefined ? { seriousIllness: m.seriousIllness } : {}),
      ...(m.childStatus ? { childStatus: m.childStatus } : {}),
      incomes: m.incomes ?? [],
    }));
    if (members.length === 0) return null;
    const result = policy.estimate({ regionCode: a.regionCode, date: a.date, hukou: a.hukou as 'urban' | 'rural', members }).results.find((r) => r.programme === a.programme);
    return result && result.eligible && result.monthlyAmountFen !== undefined ? { monthlyAmountFen: result.monthlyAmountFen, reasons: result.reasons } : null;
  };

  const notifier = applicationNotifier({
    repo,
    subscribe: createSubscribeMessageClient(config.wechat),
    templateId: settings.messages.subscribeTemplateId,
    page: settings.messages.page,
    log: app.log,
  });
  const applications = applicationService({
    repo,
    pii: services.pii,
    audit: services.audit,
    files: services.files,
    findProfile: (userId) => services.profiles.findById(userId),
    settings,
    calendar,
    notifier,
    estimateMonthlyFen,
  });

  const api: ApplicationsApi = { entitlements: entitlementReader(repo) };
  app.decorate('applications', api);

  await apiRoutes(app, applicationRoutes, { applications, settings });
  await apiRoutes(app, staffCaseRoutes, { applications });
}, ['policy']);
