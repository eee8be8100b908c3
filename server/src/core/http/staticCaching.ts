import path from 'node:path';
import type { FastifyReply } from 'fastify';

/** A file name with a content hash (webpack: `app.3f2a9c1d.js`, `main.0a1b2c3d4e5f.css`). */
const HASHED = /\.[0-9a-f]{8,32}\.[a-z0-9]+$/i;

/**
 * Cache-Control for the H5 app's files: a hashed file never changes under its name, so browsers and
 * proxies keep it a year without asking again; `index.html` (and any unhashed file) is revalidated
 * on every load, so a new release is picked up at once.
 */
export function staticCacheHeaders(reply: FastifyReply, filePath: string): void {
  reply.header('cache-control', HASHED.test(path.basename(filePath)) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
