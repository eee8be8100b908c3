import type { FastifyInstance } from 'fastify';
import { apiRoutes, defineDomain } from '../../core/domain';
import { ensureWishIndexes, registerWishModels } from './models/wish';
import { wishRepository } from './repository';
import { wishStore } from './services/wishStore';
import { wishService, type WishService } from './services/wishService';
import { wishClaimService, type WishClaimService } from './services/wishClaimService';
import { createContentCheckClient, noContentCheck } from '../../core/adapters/wechat/contentCheck';
import wishRoutes from './routes/wishes';
import type { WishesApi } from './api';


/**
 * 微心愿: models and indexes, services, routes, and the scheduled lapse job (an interval cleared
 * on close; no TTL index). Settings come from config/src/wishes.ts, validated here at start.
 */
export const wishDomain = defineDomain('wishes', async (app: FastifyInstance, { config, services }) => {
  const wishConfig = config.wishes;
  const models = registerWishModels(app.db);
  await ensureWishIndexes(models);
  const repo = wishRepository(models, app.models);
  const store = wishStore(repo);
  const contentCheck = wishConfig.contentCheck === 'wechat' ? createContentCheckClient(config.wechat) : noContentCheck;
  if (wishConfig.contentCheck === 'off') app.log.warn('微心愿内容安全检测已关闭（仅开发环境）');
  const wishes = wishService({ repo, store, config: wishConfig, profiles: services.profiles, files: services.files, contentCheck, pii: services.pii, audit: services.audit });
  const claims = wishClaimService({ repo, store, config: wishConfig, wishes, pii: services.pii });
  const api: WishesApi = { wishes, claims };
  app.decorate('wishes', api);

  await apiRoutes(app, wishRoutes, { wishes, claims, config: wishConfig });

  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    claims.runLapseJob()
      .then((r) => { if (r.lapsed || r.orphansFreed) app.log.info(r, 'wish lapse job'); })
      .catch((err) => app.log.error({ err }, 'wish lapse job failed'))
      .finally(() => { running = false; });
  }, wishConfig.lapseJobIntervalMs);
  timer.unref();
  app.addHook('onClose', async () => { clearInterval(timer); });
});
