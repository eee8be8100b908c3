import { apiRoutes, defineDomain } from '../../core/domain';
import { createContentCheckClient, noContentCheck } from '../../core/adapters/wechat/contentCheck';
import { ensureWishIndexes, registerWishModels } from './models/wish';
import { wishRepository } from './repository';
import { wishServices } from './services/wishServices';
import wishRoutes from './routes/wishes';
import type { WishesApi } from './api';
import { demoItemPhoto } from './demoPhotos';

/**
 * 微心愿: models and indexes, services, routes, and the scheduled lapse job (a periodic job run by
 * one API process at a time, core/jobs; no TTL index). Settings are `config.wishes`, validated with the rest of AppConfig.
 */
export const wishDomain = defineDomain('wishes', async (app, { config, services }) => {
  const wishConfig = config.wishes;
  const models = registerWishModels(app.db);
  await ensureWishIndexes(models);
  // Wish and delivery photos may become public: capped at what WeChat's image check accepts and
  // stored without their metadata (EXIF/GPS; core/files/imageMetadata.ts).
  for (const purpose of ['wishPhoto', 'deliveryPhoto'] as const) services.files.configurePurpose(purpose, { maxBytes: wishConfig.photoMaxBytes, stripMetadata: true });
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
    referrals: { refer: wishes.posting.post },
    demo: { post: wishes.posting.post, approve: wishes.review.approve, claim: wishes.claims.claim, deliver: wishes.claims.deliver, confirm: wishes.claims.confirm, thank: wishes.claims.thank,
      photo: async (ctx, purpose, kind) => (await services.files.upload(ctx, { purpose, name: `${kind}.png`, data: demoItemPhoto(kind) })).id,
    },
  };
  app.decorate('wishes', api);

  await apiRoutes(app, wishRoutes, { wishes, config: wishConfig });

  // One API process at a time runs it, whichever holds the lease (core/jobs); stopped on close.
  app.jobs.every('wishes.lapse', wishConfig.lapseJobIntervalMs, async () => {
    const r = await wishes.lapse.runLapseJob();
    if (r.lapsed || r.orphansFreed) app.log.info(r, 'wish lapse job');
  });
});
