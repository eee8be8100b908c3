import type { FastifyInstance } from 'fastify';
import { indexCalendar } from '@dajiuzhu/shared';
import { loadHolidayCalendar } from '@dajiuzhu/config';
import { apiRoutes, defineDomain, type DomainOptions } from '../../core/domain';
import '../applications/api';
import '../recheck/api';
import type { ReviewsApi } from './api';
import { registerReviewModels } from './models/reviewRequest';
import { reviewRepository } from './repository';
import { decisionSource, type RecheckDecisionReader } from './services/decisions';
import { reviewService } from './services/reviewService';
import reviewRoutes from './routes/reviews';

/**
 * 复查/异议 (docs/supervision.md): review requests about refusals (applications), cuts and stops
 * (rechecks, through `app.recheck` when that domain is registered) and grants made without an
 * application. Each owner explains its decision; this domain keeps the request, its deadline, the
 * escalation to the county and the answer. Settings: config.supervision (review*).
 */
export const reviewsDomain = defineDomain('reviews', async (app: FastifyInstance, { config, services }: DomainOptions) => {
  const cfg = config.supervision;
  const repo = reviewRepository(await registerReviewModels(app.db));
  // The recheck domain is read when a request names a recheck (it may register after this one or not at all).
  const recheck = (): RecheckDecisionReader | null => {
    const r = app.hasDecorator('recheck') ? (app.recheck as Partial<RecheckDecisionReader> | undefined) : undefined;
    return r && typeof r.decisionFor === 'function' ? (r as RecheckDecisionReader) : null;
  };
  const reviews = reviewService({
    repo,
    decisions: decisionSource({ applications: app.applications, recheck, verifiedBlindIndexOf: services.identity.verifiedBlindIndexOf, profiles: services.profiles }),
    audit: services.audit,
    calendar: indexCalendar(loadHolidayCalendar()),
    settings: { requestDays: cfg.reviewRequestDays, answerWorkingDays: cfg.reviewAnswerWorkingDays, countyWorkingDays: cfg.reviewCountyWorkingDays },
  });
  const api: ReviewsApi = { escalateOverdue: reviews.escalateOverdue, service: reviews };
  app.decorate('reviews', api);
  await apiRoutes(app, reviewRoutes, { reviews });
  // An office that has not answered in time: the request goes to the county (once, on one process).
  app.jobs.every('reviews.escalate', cfg.reviewEscalateEveryMs, () => reviews.escalateOverdue());
}, ['applications']);
