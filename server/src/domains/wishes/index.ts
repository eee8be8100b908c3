import type { FastifyInstance } from 'fastify';
import { loadWishConfig } from '@dajiuzhu/config/src/wishes';
import type { DomainPlugin } from '../../core/domain';
import { ensureWishIndexes, registerWishModels } from './models/wish';
import { wishRepository } from './repository';
import { wishStore } from './services/wishStore';
import { wishService, type WishService } from './services/wishService';
import { wishClaimService, type WishClaimService } from './services/wishClaimService';
import { createContentCheckClient, noContentCheck } from '../../core/adapters/wechat/contentCheck';
import wishRoutes from './routes/wishes';

export interface WishServices { wishes: WishService; claims: WishClaimService }
const BY_CONNECTION = new WeakMap<object, WishServices>();

/** The 微心愿 services of an app, by its database connection (tests call `claims.runLapseJob(now)`). */
export function wishServicesOf(app: { db: object }): WishServices {
  const s = BY_CONNECTION.get(app.db);
  if (!s) throw new Error('the wishes domain is not registered on this app');
  return s;
}

/**
 * 微心愿: models and indexes, services, routes, and the scheduled lapse job (an interval cleared
 * on close; no TTL index). Settings come from config/src/wishes.ts, validated here at start.
 */
export const wishDomain: DomainPlugin = async (app: FastifyInstance, { config, services }) => {
  const wishConfig = loadWishConfig(config.env);
  const models = registerWishModels(app.db);
  await ensureWishIndexes(models);
  const repo = wishRepository(models, app.models);
  const store = wishStore(repo);
  const contentCheck = wishConfig.contentCheck === 'wechat' ? createContentCheckClient(config.wechat) : noContentCheck;
  if (wishConfig.contentCheck === 'off') app.log.warn('微心愿内容安全检测已关闭（仅开发环境）');
  const wishes = wishService({ repo, store, config: wishConfig, profiles: services.profiles, files: services.files, contentCheck, pii: services.pii, audit: services.audit });
  const claims = wishClaimService({ repo, store, config: wishConfig, wishes, pii: services.pii });
  BY_CONNECTION.set(app.db, { wishes, claims });

  await app.register(wishRoutes, { wishes, claims, config: wishConfig });

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
};
