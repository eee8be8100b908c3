import { indexCalendar } from '@dajiuzhu/shared';
import { loadHolidayCalendar } from '@dajiuzhu/config';
import { apiRoutes, defineDomain } from '../../core/domain';
import { ensureIndexes } from '../../core/db/ensureIndexes';
import { createSubscribeMessageClient } from '../../core/adapters/wechat/subscribeMessage';
import '../policy/api';
import type { ApplicationsApi } from './api';
import { registerApplicationModels } from './models/application';
import { entitlementVersionStore, registerEntitlementModel } from './models/entitlement';
import { applicationRepository } from './repository';
import applicationRoutes from './routes/applications';
import staffCaseRoutes from './routes/staffCases';
import assistanceCardRoutes from './routes/assistanceCard';
import autoGrantRoutes from './routes/autoGrants';
import { assistanceCardService, cardKeyOf, cardSigner } from './services/assistanceCard';
import { autoGrantService } from './services/autoGrant';
import { refusalReasons } from './services/refusalReasons';
import { caseAccess } from './services/access';
import { applicationNotifier } from './services/applicationNotifier';
import { applicationService } from './services/applicationService';
import { entitlementReader } from './services/entitlementReader';
import { entitlementChanges } from './services/entitlementChanges';
import { estimateBridge } from './services/estimate';
import { formCodec } from './services/forms';
import { clockOf } from './services/clock';
import { onBehalfStarter } from './services/onBehalf';

/**
 * Applications (申请), the staff chain (受理 → 入户调查 → 审核 → 公示 → 审批), entitlements,
 * public notices and messages. Offers `app.applications` (api.ts): the entitlement reader the
 * ledger pays from. Uses `app.policy` for the estimate shown to staff.
 */
export const applicationDomain = defineDomain('applications', async (app, { config, services }) => {
  const settings = config.applications;
  const models = { ...registerApplicationModels(app.db), Entitlement: registerEntitlementModel(app.db) };
  await ensureIndexes(models);
  const repo = applicationRepository(models);
  // The person's account — only one verified as that ID number — and its WeChat openid: core identity, never its collections.
  const personAccount = async (blindIndex: string) => (await services.identity.verifiedUserIdsByBlindIndex([blindIndex])).get(blindIndex) ?? null;
  const wechatOpenIds = async (userId: string) => { const id = (await services.users.wechatOpenIds([userId])).get(userId); return id ? [id] : []; };

  const notifier = applicationNotifier({
    addMessage: repo.addMessage,
    wechatOpenIds,
    personAccount,
    subscribe: createSubscribeMessageClient(config.wechat),
    templateId: settings.messages.subscribeTemplateId,
    page: settings.messages.page,
    log: app.log,
  });
  // `now` is injectable for the demo seed only (servicesAt below); the routes use the real clock.
  const servicesAt = (now?: () => Date) => applicationService({
    repo,
    pii: services.pii,
    audit: services.audit,
    files: services.files,
    profiles: services.profiles,
    identity: services.identity,
    personAccount,
    settings,
    filingsPerDay: config.identity.helperFilingsPerDay,
    calendar: indexCalendar(loadHolidayCalendar()),
    notifier,
    estimate: estimateBridge(app.policy),
    warn: (details, message) => app.log.warn(details, message),
    now,
  });
  const applications = servicesAt();

  // 纳入救助 from monitoring (services/onBehalf.ts): the person's application, started by the worker who visited them.
  const startOnBehalf = onBehalfStarter({ repo, forms: formCodec(services.pii), audit: services.audit, profiles: services.profiles, personAccount, settings, notifier, clock: clockOf() });
  // Entitlement versions (动态管理: recheck, exit; docs/recheck.md), offered to the recheck domain.
  const changes = entitlementChanges({ store: await entitlementVersionStore(app.db, models.Entitlement), repo, audit: services.audit, personAccount });
  // 免审秒办, refusals explained for 复查, the 电子救助卡 (docs/supervision.md).
  const autoGrants = autoGrantService({
    createEntitlement: repo.createEntitlement, findEntitlement: repo.findEntitlement, entitlementsOf: repo.listEntitlementsFor, streamEntitlements: repo.streamEntitlements,
    endEntitlement: async (id, fromMonth, reasons, actorId, requestId) => { await changes.endEntitlement({ actorId, requestId }, { id, key: 'autoGrant.decline', fromMonth, reasons }); },
    addMessage: repo.addMessage, personAccount, verifiedBlindIndexOf: services.identity.verifiedBlindIndexOf, standardsFor: (r, d) => app.policy.standards().standardsFor(r, d), audit: services.audit, pii: services.pii,
  });
  const access = caseAccess({ identity: services.identity, audit: services.audit });
  const refusals = refusalReasons({ findApplication: repo.findApplication, relationTo: access.relationTo, readForm: formCodec(services.pii).read, estimate: app.policy.estimate });
  const supervisionReads = {
    /** A person's applications (the supervision domain's 近亲属备案 check): no form, no personal data beyond the case's facts. */
    applicationsOfPerson: async (blindIndex: string) => (await repo.listForPerson(blindIndex)).map((a) => ({ id: a._id, programme: a.programme, status: a.status, regionCode: a.regionCode, submittedOn: a.submittedOn, applicantName: a.applicant.name, idNumberMasked: a.applicant.idNumberMasked })),
  };
  const api: ApplicationsApi = {
    entitlements: entitlementReader(repo), startOnBehalf, servicesAt: (now) => servicesAt(now), ...changes,
    grantWithoutApplication: autoGrants.grantWithoutApplication, grantFromDisabilityRecord: autoGrants.grantFromDisabilityRecord, refusalFor: refusals.refusalFor, autoGrantDecisionFor: autoGrants.decisionFor, ...supervisionReads,
  };
  app.decorate('applications', api);

  await apiRoutes(app, applicationRoutes, { applications, settings });
  await apiRoutes(app, staffCaseRoutes, { applications });
  const cards = assistanceCardService({
    entitlementsOf: changes.entitlementsOf, identity: services.identity, profiles: services.profiles, audit: services.audit,
    signer: cardSigner(cardKeyOf(config.supervision.cardKey, config.jwt.secret), config.supervision.cardTtlSeconds), ttlSeconds: config.supervision.cardTtlSeconds,
  });
  await apiRoutes(app, assistanceCardRoutes, { cards });
  await apiRoutes(app, autoGrantRoutes, { grants: autoGrants });
}, ['policy']);
