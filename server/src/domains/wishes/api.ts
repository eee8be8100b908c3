import type { WishService } from './services/wishService';
import type { WishClaimService } from './services/wishClaimService';

/** What the wishes domain offers (app.wishes): its services, e.g. for the scheduled lapse job in tests. */
export interface WishesApi {
  wishes: WishService;
  claims: WishClaimService;
}

declare module 'fastify' {
  interface FastifyInstance {
    wishes: WishesApi;
  }
}
