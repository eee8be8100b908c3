import {
  ACTION_LABELS,
  ACTION_ROLES,
  isTerminal,
  refusalMessage,
  STATUS_LABELS,
  transition,
  type ActorRole,
  type ApplicationAction,
  type ApplicationStatus,
  type ApplicationView,
  type ChainStep,
} from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import { eventId } from '../../../core/db/eventLog';
import type { PiiCipher } from '../../../core/crypto/pii';
import { AppError } from '../../../core/errors/AppError';
import { requireStaffCovering } from '../../../core/scope/staffScope';
import { MESSAGES, ROLE_NAMES, type CaseMessage } from '../messages';
import type { ApplicationDoc, ApplicationEventDoc } from '../models/application';
import type { CaseAccess } from './access';
import type { CaseLog } from './caseLog';
import type { Clock } from './clock';
import type { CaseDeadlines } from './deadlines';
import type { ApplicationNotifier } from './applicationNotifier';
import type { CasePresenter } from './present';
import type { CaseViewer } from '../views/applicationView';

/** What every action body may carry: the sequence the actor saw, and a note. */
export interface ActInput { expectedSequence?: number; note?: string }

/** What one action does beyond the status change: the row of an action's table entry. */
export interface Effect {
  /** Set on the application with the new status. */
  patch?: Record<string, unknown>;
  /** Shown on the timeline. */
  details?: Record<string, unknown>;
  /** Shown to staff only, stored encrypted (home-visit findings). */
  secret?: Record<string, unknown>;
  attachments?: string[];
  message?: CaseMessage;
}

/** What an effect may use besides the case and the body: who acts, today, now. */
export interface EffectContext { ctx: ActionContext; day: string; at: Date }

export type EffectOf<I> = (a: ApplicationDoc, input: I, env: EffectContext) => Effect | Promise<Effect>;

/**
 * The one path every transition after submit takes: who may act (the applicant side, or staff
 * covering the case's region at the step's level), the stale-view check, the state machine, the
 * action's effect, then the event (insert wins), the messages and, for staff, the audit entry.
 */
export function caseActions(deps: {
  log: CaseLog;
  access: CaseAccess;
  deadlines: CaseDeadlines;
  pii: PiiCipher;
  notifier: ApplicationNotifier;
  clock: Clock;
  present: CasePresenter;
}) {
  async function actorRoleFor(ctx: ActionContext, side: 'applicant' | 'staff', app: ApplicationDoc | null): Promise<{ app: ApplicationDoc; role: ActorRole; viewer: CaseViewer }> {
    if (side === 'staff') {
      // 403 for non-staff; 404 when there is no such case or it lies outside the staff member's region.
      const scope = requireStaffCovering(ctx.actor, app?.regionCode);
      return { app: app!, role: scope.level, viewer: scope.level };
    }
    // The filer, or the person verified as the applicant; anyone else: as if there were no such case.
    const relation = app ? await deps.access.relationTo(ctx, app) : null;
    if (!app || !relation) throw new AppError('NOT_FOUND');
    return { app, role: 'applicant', viewer: relation };
  }

  function assertLevel(side: 'applicant' | 'staff', action: ApplicationAction, role: ActorRole) {
    if (ACTION_ROLES[action].includes(role)) return;
    if (side === 'applicant') throw new AppError('APPLICATION_NOT_APPLICANT');
    const who = ACTION_ROLES[action].map((r) => ROLE_NAMES[r]).join('或');
    throw new AppError('APPLICATION_STEP_LEVEL', { message: `「${ACTION_LABELS[action]}」由${who}办理` });
  }

  return async function act<I extends ActInput>(ctx: ActionContext, side: 'applicant' | 'staff', id: string, action: ApplicationAction, input: I, effect: EffectOf<I>): Promise<ApplicationView> {
    const { app, role, viewer } = await actorRoleFor(ctx, side, await deps.log.load(id));
    assertLevel(side, action, role);
    if (input.expectedSequence !== undefined && input.expectedSequence !== app.sequence) {
      throw new AppError('APPLICATION_CONFLICT', { details: { currentSequence: app.sequence, status: app.status } });
    }
    const from = app.status as ApplicationStatus;
    const result = transition(from, action, deps.deadlines.machineContext(app));
    if (!result.ok) throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', { message: refusalMessage(from, action, result.refusal), details: { status: from } });

    const day = deps.clock.today();
    const at = deps.clock.now();
    const fx = await effect(app, input, { ctx, day, at });
    const to = result.to;
    const patch: Record<string, unknown> = { status: to, updatedAt: at, ...(fx.patch ?? {}) };
    if (to !== from) {
      const noticeEndsOn = ((patch.notice as ApplicationDoc['notice']) ?? app.notice)?.endsOn ?? null;
      if (!('stepDue' in patch)) patch.stepDue = isTerminal(to) ? null : deps.deadlines.stepDueFor(to, app.chain as ChainStep[], day, noticeEndsOn);
      if (isTerminal(to)) patch.closedAt = at;
    }
    const sequence = app.sequence + 1;
    const event: ApplicationEventDoc = {
      _id: eventId(id, sequence),
      applicationId: id,
      sequence,
      action,
      fromStatus: from,
      toStatus: to,
      actor: { userId: ctx.actor._id, role, regionCode: ctx.actor.staff?.regionCode ?? null },
      at,
      note: input.note?.trim() ?? '',
      attachments: fx.attachments ?? [],
      details: fx.details ?? {},
      detailsCipher: fx.secret ? deps.pii.encrypt(JSON.stringify(fx.secret)) : null,
      patch,
    };
    // (application, sequence) is unique: of two staff acting at once, one insert wins.
    const updated = await deps.log.append(app, event);
    await deps.notifier.notify(updated, fx.message ?? MESSAGES.statusChanged(app.programme, action, to), STATUS_LABELS[to]);
    if (side === 'staff') await deps.access.auditStaffRead(ctx, updated, 'application.act');
    return deps.present(updated, viewer);
  };
}
export type CaseAct = ReturnType<typeof caseActions>;
