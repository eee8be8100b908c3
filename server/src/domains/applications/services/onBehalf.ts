import { createHash } from 'node:crypto';
import { APPLICATION_PROGRAMMES, CHECK_AUTHORIZATION, regionCovers, shanghaiDate, STATUS_LABELS, type ApplicationForm, type ApplicationProgramme } from '@dajiuzhu/shared';
import type { ApplicationSettings } from '@dajiuzhu/config';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';
import { eventId } from '../../../core/db/eventLog';
import { AppError, isDuplicateKey } from '../../../core/errors/AppError';
import type { ProfileService } from '../../../core/identity/profileService';
import { staffCovers } from '../../../core/scope/staffScope';
import { MESSAGES } from '../messages';
import type { ApplicationDoc, ApplicationEventDoc, PersonRef } from '../models/application';
import type { ApplicationRepository } from '../repository';
import type { OnBehalfStart, OnBehalfStarted } from '../api';
import type { ApplicationNotifier } from './applicationNotifier';
import type { Clock } from './clock';
import type { FormCodec } from './forms';

/**
 * The application id of a start on behalf: derived from its key (UUID-shaped like every other
 * application id), so a retried visit — or two at once — lands on the same application: the
 * application and its first event are inserts under this id, and the loser finds the winner's.
 */
export function onBehalfApplicationId(key: string): string {
  const h = createHash('sha256').update(`onBehalf:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Who may start one: a grid worker whose village/community lies inside the person's region or covers it, or staff covering the person. */
function assertMayStart(actor: ActionContext['actor'], regionCode: string): 'gridWorker' | 'staff' {
  if (staffCovers(actor, regionCode)) return 'staff';
  const own = actor.roles.includes('gridWorker') ? actor.gridWorker?.regionCode : undefined;
  if (own && (regionCovers(own, regionCode) || regionCovers(regionCode, own))) return 'gridWorker';
  throw new AppError('FORBIDDEN');
}

const RELATION = { gridWorker: '网格员（主动发现）', staff: '乡镇（街道）工作人员（主动发现）' } as const;

/**
 * 纳入救助 (docs/monitoring.md, "纳入救助 → the person's application"): an application
 * started for a person found by 主动发现, by the grid worker or staff member who visited them. The
 * applicant is the person — never the worker — recorded by the blind index of their ID number, so
 * the person's verified account (now or when they verify later: access.ts) sees the case, and
 * nothing links it to an account that merely typed the number. The worker is the filer (`filedBy`,
 * `helper.relation`), like 帮办代办: they follow the filing without the benefit.
 *
 * The person's consent, given on the worker's phone (signed name, when, captured by whom, the
 * signature image), is the case's stored consent to the economic check and is shown as the first
 * event of the timeline (`submit`, details.startedOnBehalf). The case lands in `submitted`, the
 * state the township's queue shows and from which the machine allows accept / requestSupplement:
 * staff continue it (受理 confirms that the person applies, ID papers seen, and takes the open key),
 * or the person confirms it from their verified account. Unconfirmed, it takes no open key, so it
 * never blocks the person's own filing; a second open case of the same person shows staff the
 * duplicate. No daily filing limit: each start is tied to a task assigned to the worker.
 */
export function onBehalfStarter(deps: {
  repo: ApplicationRepository;
  forms: FormCodec;
  audit: AuditService;
  profiles: Pick<ProfileService, 'findById'>;
  personAccount(blindIndex: string): Promise<string | null>;
  settings: ApplicationSettings;
  notifier: ApplicationNotifier;
  clock: Clock;
}) {
  const { repo } = deps;

  /** The person's facts: their verified account's profile first (the person's own statement), else what the caller holds, else an earlier case of theirs. */
  async function applicantOf(input: OnBehalfStart): Promise<{ applicant: PersonRef; hukou: string | null }> {
    const p = input.person;
    const userId = await deps.personAccount(p.idNumberBlindIndex);
    const profile = userId ? await deps.profiles.findById(userId) : null;
    const own = profile && profile.idNumberBlindIndex === p.idNumberBlindIndex ? profile : null;
    let cipher = own?.idNumberCipher || p.idNumberCipher;
    if (!cipher) cipher = (await repo.listForPerson(p.idNumberBlindIndex)).find((a) => a.applicant.idNumberCipher)?.applicant.idNumberCipher ?? '';
    return {
      applicant: { userId, name: own?.name || p.name, idNumberCipher: cipher, idNumberMasked: own?.idNumberMasked || p.idNumberMasked, idNumberBlindIndex: p.idNumberBlindIndex },
      hukou: (own?.hukou as string | undefined) ?? null,
    };
  }

  return async function startOnBehalf(ctx: ActionContext, input: OnBehalfStart): Promise<OnBehalfStarted> {
    const as = assertMayStart(ctx.actor, input.person.regionCode);
    if (!(APPLICATION_PROGRAMMES as readonly string[]).includes(input.programme)) {
      throw new AppError('VALIDATION_FAILED', { message: '该救助项目不能在线申请，请选择其他项目', details: { fields: [{ path: '/outcome/programme', rule: 'programme' }] } });
    }
    const programme = input.programme as ApplicationProgramme;
    const id = onBehalfApplicationId(input.key);
    if (await repo.findApplication(id)) return { applicationId: id, created: false };

    const at = deps.clock.now();
    const { applicant, hukou } = await applicantOf(input);
    const form: ApplicationForm = {
      ...(hukou ? { hukou: hukou as ApplicationForm['hukou'] } : {}),
      members: [{ key: 'self', name: applicant.name, relation: 'self' }],
      reason: input.reason.slice(0, 1000),
    };
    const consent = { signedName: input.consent.signedName, at: input.consent.at.toISOString(), capturedBy: ctx.actor._id, signatureFileId: input.consent.signatureFileId ?? '' };
    const app: ApplicationDoc = {
      _id: id, programme, status: 'submitted', sequence: 1, chain: deps.settings.programmes[programme].steps, filedBy: ctx.actor._id,
      helper: { relation: RELATION[as], phoneCipher: null, phoneMasked: null, regionCode: input.person.regionCode },
      applicant, regionCode: input.person.regionCode, hukou, householdSize: Math.max(1, input.person.householdSize ?? 1), formCipher: deps.forms.write(form), documents: [],
      consent: { textVersion: CHECK_AUTHORIZATION.version, at: input.consent.at, userId: ctx.actor._id, requestId: ctx.requestId },
      confirmation: null, emergency: false, submittedAt: at, submittedOn: shanghaiDate(at), acceptedOn: null, stepDue: null, overallDueOn: null, extended: null,
      grantedFirst: null, missingDocuments: [], notice: null, proposedAmountFen: null, decisionReasons: null, closedAt: null, updatedAt: at,
    };
    const event: ApplicationEventDoc = {
      _id: eventId(id, 1), applicationId: id, sequence: 1, action: 'submit', fromStatus: null, toStatus: 'submitted',
      actor: { userId: ctx.actor._id, role: as, regionCode: input.person.regionCode }, at,
      note: `由${RELATION[as]}代为发起，本人当场签字同意（签名：${consent.signedName}）`,
      attachments: consent.signatureFileId ? [consent.signatureFileId] : [],
      details: { consentVersion: CHECK_AUTHORIZATION.version, onBehalf: true, startedOnBehalf: { origin: input.origin.kind, originId: input.origin.id, consent } },
      detailsCipher: null, patch: {},
    };
    // The event first (insert wins): a start cut short after it is completed by the retry, which then inserts the application.
    await repo.appendEvent(event);
    try {
      await repo.createApplication(app);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return { applicationId: id, created: false }; // a concurrent retry of the same visit won
    }
    await deps.audit.record({
      actorId: ctx.actor._id, action: 'application.fileOnBehalf', subjectId: applicant.userId ?? `application:${id}`, requestId: ctx.requestId,
      details: { applicationId: id, programme, helper: true, relation: RELATION[as], verifiedFiler: false, regionCode: app.regionCode, origin: input.origin.kind, originId: input.origin.id, consentSignedName: consent.signedName, consentAt: consent.at },
    });
    await deps.notifier.notify(app, MESSAGES.submitted(programme), STATUS_LABELS.submitted);
    return { applicationId: id, created: true };
  };
}
export type OnBehalfStarter = ReturnType<typeof onBehalfStarter>;
