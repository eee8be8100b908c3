import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '@dajiuzhu/shared';
import { AppError } from '../errors/AppError';

/** The uploaded file's name as shown back: path separators and control characters replaced, at most 100 characters. */
export const safeFileName = (name: string) => [...name].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c)).join('').slice(0, 100) || 'import';

/**
 * Stores an upload on disk while it streams in, hashing it (bounded memory): the file's path,
 * SHA-256 and size. A body cut by the size limit is removed and refused with `tooLarge` (413).
 */
export async function storeUpload(dir: string, id: string, stream: Readable, tooLarge: ErrorCode): Promise<{ filePath: string; sha256: string; size: number }> {
  mkdirSync(dir, { recursive: true });
  const filePath = path.join(dir, `${id}.upload`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(stream, new Transform({ transform(chunk: Buffer, _e, cb) { hash.update(chunk); size += chunk.length; cb(null, chunk); } }), createWriteStream(filePath));
    if ((stream as Readable & { truncated?: boolean }).truncated) throw new AppError(tooLarge);
  } catch (err) {
    await rm(filePath, { force: true });
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(tooLarge);
    throw err;
  }
  return { filePath, sha256: hash.digest('hex'), size };
}

/**
 * The one file of a multipart import request (field `file`, at most `maxBytes`): its name and
 * stream. Not multipart, or no `file` field → FILE_MISSING (400). The stream is read by storeUpload.
 */
export async function receiveUpload(request: FastifyRequest, maxBytes: number): Promise<{ fileName: string; stream: Readable }> {
  if (!request.isMultipart()) throw new AppError('FILE_MISSING');
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part || part.fieldname !== 'file') throw new AppError('FILE_MISSING');
  return { fileName: part.filename, stream: part.file };
}
