import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import type { ApplicationsApi, ReviewableDecision } from '../../applications/api';
import { shanghaiDate, type ReviewSubjectKind } from '@dajiuzhu/shared';
import type { RecheckApi } from '../../recheck/api';
import type { Services } from '../../../core/services';

/** The recheck domain's reader (`app.recheck.decisionFor`, recheck/api.ts), when that domain is registered. */
export type RecheckDecisionReader = Pick<RecheckApi, 'decisionFor'>;

/** The decision a review is about, for the person asking (each owner checks who may read it). */
export function decisionSource(deps: {
  applications: Pick<ApplicationsApi, 'refusalFor' | 'autoGrantDecisionFor'>;
  recheck: () => RecheckDecisionReader | null;
  verifiedBlindIndexOf: (userId: string) => Promise<string | null>;
  profiles: Pick<Services['profiles'], 'findById'>;
}) {
  return async (ctx: ActionContext, kind: ReviewSubjectKind, id: string): Promise<ReviewableDecision> => {
    if (kind === 'application') return deps.applications.refusalFor(ctx, id);
    if (kind === 'autoGrant') return deps.applications.autoGrantDecisionFor(ctx, id);
    const reader = deps.recheck();
    const d = reader ? await reader.decisionFor(id) : null;
    const mine = await deps.verifiedBlindIndexOf(ctx.actor._id);
    // Only the person the recheck is about (by verified identity) may read it or ask for its review.
    if (!d || !mine || d.beneficiaryBlindIndex !== mine) throw new AppError('REVIEW_SUBJECT_NOT_FOUND');
    const profile = await deps.profiles.findById(ctx.actor._id);
    return {
      subjectKind: 'recheck', subjectId: d.id, programme: d.programme, regionCode: d.regionCode,
      person: { idNumberBlindIndex: mine, name: profile?.name ?? '', idNumberMasked: profile?.idNumberMasked ?? '', userId: ctx.actor._id },
      decision: d.kind === 'stop' ? 'stopped' : 'reduced', decidedOn: shanghaiDate(new Date(d.decidedAt)),
      lines: d.reasons.map((text) => ({ label: '理由', text })),
      rule: '《最低生活保障审核确认办法》（民发〔2021〕57号）、《特困人员认定办法》（民发〔2021〕43号）：复核后家庭情况发生变化的，调整救助金额或停止救助',
    };
  };
}
export type DecisionSource = ReturnType<typeof decisionSource>;
