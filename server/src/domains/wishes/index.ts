import { apiRoutes, defineDomain } from '../../core/domain';
import { createContentCheckClient, noContentCheck } from '../../core/adapters/wechat/contentCheck';
import { ensureWishIndexes, registerWishModels } from './models/wish';
import { wishRepository } from './repository';
import { wishServices } from './services/wishServices';
import wishRoutes from './routes/wishes';
import type { WishesApi } from './api';

/**
 * 微心愿: models and indexes, services, routes, and the scheduled lapse job (a periodic job run by
 * one API process at a time, core/jobs; no TTL index). Settings are `config.wishes`, validated with the rest of AppConfig.
 */
export const wishDomain = defineDomain('wishes', async (app, { config, services }) => {
  const wishConfig = config.wishes;
  const models = registerWishModels(app.db);
  await ensureWishIndexes(models);
  const contentCheck = wishConfig.contentCheck === 'wechat' ? createContentCheckClient(config.wechat) : noContentCheck;
  if (wishConfig.contentCheck === 'off') app.log.warn('微心愿内容安全检测已关闭（仅开发环境）');
  const wishes = wishServices({
    repo: wishRepository(models),
    config: wishConfig,
    core: services,
    contentCheck,
    warn: (message, details) => app.log.warn(details, message),
  });
  const api: WishesApi = {
    claims: { runLapseJob: wishes.lapse.runLapseJob },
    demo: { post: wishes.posting.post, approve: wishes.review.approve, claim: wishes.claims.claim, deliver: wishes.claims.deliver, confirm: wishes.claims.confirm, thank: wishes.claims.thank },
  };
  app.decorate('wishes', api);

  await apiRoutes(app, wishRoutes, { wishes, config: wishConfig });

  // One API process at a time runs it, whichever holds the lease (core/jobs); stopped on close.
  app.jobs.every('wishes.lapse', wishConfig.lapseJobIntervalMs, async () => {
    const r = await wishes.lapse.runLapseJob();
    if (r.lapsed || r.orphansFreed) app.log.info(r, 'wish lapse job');
  });
});
