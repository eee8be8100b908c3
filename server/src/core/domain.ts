import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '@dajiuzhu/config';
import type { Services } from './services';

/**
 * A business domain (applications, wishes, …) plugs into the API through one Fastify plugin,
 * registered under /api/v1. It registers its own models on `app.db`, creates its indexes, builds
 * its services from its repositories and the core services (audit, users, profiles, pii), and
 * declares its routes. app.ts lists the domains; nothing else needs to change to add one.
 */
export interface DomainOptions {
  config: AppConfig;
  services: Services;
}

export type DomainPlugin = (app: FastifyInstance, opts: DomainOptions) => Promise<void>;
