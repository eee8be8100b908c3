/** What the lapse job did: claims that lapsed (their wishes reopened) and orphaned locks or slots freed. */
export interface LapseJobResult {
  lapsed: number;
  lapsedClaimIds: string[];
  orphansFreed: number;
}

/**
 * What the wishes domain offers (app.wishes). Other domains need nothing of it yet; the lapse job is
 * here so it can be run on demand at a chosen time (the integration tests run it with a future `now`).
 */
export interface WishesApi {
  claims: {
    runLapseJob(now?: Date): Promise<LapseJobResult>;
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    wishes: WishesApi;
  }
}
