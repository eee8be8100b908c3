import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '@dajiuzhu/config';
import type { Services } from './services';

/** Where every API route lives. */
export const API_PREFIX = '/api/v1';

export interface DomainOptions {
  config: AppConfig;
  services: Services;
}

/**
 * A business domain (policy, applications, ledger, wishes, …) plugs into the API as one Fastify
 * plugin in `server/src/domains/<name>/index.ts`. It registers its own models on `app.db`, creates
 * their indexes, builds its services from its repository and the core services, registers its
 * routes under /api/v1 (`apiRoutes`) and decorates the app with what it offers other domains —
 * the interface declared in its `api.ts` (`declare module 'fastify'`), the only file of a domain
 * another domain may import. Wrapped with fastify-plugin so those decorators reach the root
 * instance (and the domains registered after it); `dependencies` names the domains whose
 * decorators it uses, and Fastify refuses to start if one is missing or registered later.
 */
export function defineDomain(name: string, plugin: FastifyPluginAsync<DomainOptions>, dependencies: string[] = []): FastifyPluginAsync<DomainOptions> {
  return fp(plugin, { name, dependencies, fastify: '5.x' });
}

/** Registers a domain's routes under /api/v1, encapsulated (their hooks stay theirs). */
export async function apiRoutes<O>(app: FastifyInstance, routes: (api: FastifyInstance, opts: O) => Promise<void>, opts: O): Promise<void> {
  await app.register(async (api) => routes(api, opts), { prefix: API_PREFIX });
}
