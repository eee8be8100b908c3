import type { ReviewService } from './services/reviewService';

/** What the reviews domain offers (app.reviews): the escalation step, for the demo seed and the benchmark. */
export interface ReviewsApi {
  escalateOverdue: ReviewService['escalateOverdue'];
  service: ReviewService;
}

declare module 'fastify' {
  interface FastifyInstance {
    reviews: ReviewsApi;
  }
}
