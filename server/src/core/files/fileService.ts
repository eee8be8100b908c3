import { createHash, randomUUID } from 'node:crypto';
import { FILE_TYPES_BY_PURPOSE, type FilePurpose, type FileView } from '@dajiuzhu/shared';
import type { FileDoc } from '../models';
import type { FileRepository } from './fileRepository';
import type { ProfileRepository } from '../identity/profileRepository';
import type { FileStorage } from './fileStorage';
import { sniffContentType } from './sniff';
import { stripImageMetadata } from './imageMetadata';
import { AppError } from '../errors/AppError';
import type { AuditService } from '../audit/auditService';
import type { ActionContext } from '../context';
import { staffCovers, staffScopeOf } from '../scope/staffScope';

/** What a domain may require of uploads of one purpose. */
export interface PurposeRule {
  /** Larger uploads are refused (413 FILE_TOO_LARGE), nothing stored. */
  maxBytes?: number;
  /** Images are stored without metadata (EXIF, GPS, comments; core/files/imageMetadata.ts); a broken one is refused (415). */
  stripMetadata?: boolean;
}

export function toFileView(f: FileDoc): FileView {
  return { id: f._id, purpose: f.purpose, name: f.name, contentType: f.contentType, size: f.size, createdAt: f.createdAt.toISOString() };
}

/**
 * Uploaded files (documents, photos). Served only to the owner and to staff whose region covers
 * the owner's; ids are random, so there is no guessable URL, and every staff read is audited.
 */
export function fileService(deps: { files: FileRepository; profiles: ProfileRepository; storage: FileStorage; audit: AuditService }) {
  /** Rules a domain sets for its own purposes (configurePurpose), checked before anything is stored. */
  const purposeRules = new Map<FilePurpose, PurposeRule>();
  return {
    /** A domain's rule for uploads of `purpose` (e.g. the wishes domain: photo size cap, metadata stripped). */
    configurePurpose(purpose: FilePurpose, rule: PurposeRule): void {
      purposeRules.set(purpose, rule);
    },
    async upload(ctx: ActionContext, input: { purpose: FilePurpose; name: string; data: Buffer }): Promise<FileView> {
      if (input.data.length === 0) throw new AppError('FILE_MISSING');
      const contentType = sniffContentType(input.data.subarray(0, 16));
      if (!contentType || !FILE_TYPES_BY_PURPOSE[input.purpose].includes(contentType)) throw new AppError('FILE_TYPE_NOT_ALLOWED');
      const rule = purposeRules.get(input.purpose);
      if (rule?.maxBytes !== undefined && input.data.length > rule.maxBytes) {
        throw new AppError('FILE_TOO_LARGE', { message: `照片不能超过${Math.floor(rule.maxBytes / 1024)}KB，请压缩后重新上传`, details: { maxBytes: rule.maxBytes, size: input.data.length } });
      }
      if (rule?.stripMetadata) {
        const clean = stripImageMetadata(input.data, contentType);
        if (!clean) throw new AppError('FILE_TYPE_NOT_ALLOWED', { message: '照片文件不完整或已损坏，请重新拍摄或选择照片' });
        input = { ...input, data: clean.data };
      }
      const profile = await deps.profiles.findById(ctx.actor._id);
      const doc: FileDoc = {
        _id: randomUUID(),
        ownerId: ctx.actor._id,
        regionCode: profile?.regionCode ?? '',
        purpose: input.purpose,
        // Path separators and control characters never reach a stored name or a download header.
        // eslint-disable-next-line no-control-regex -- stripping control characters is the point
        name: input.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 100) || 'file',
        contentType,
        size: input.data.length,
        sha256: createHash('sha256').update(input.data).digest('hex'),
        createdAt: new Date(),
      };
      // Bytes first: a record never points at missing bytes.
      await deps.storage.put(doc._id, input.data);
      await deps.files.create(doc);
      return toFileView(doc);
    },

    async list(ctx: ActionContext, purpose?: FilePurpose): Promise<FileView[]> {
      return (await deps.files.listByOwner(ctx.actor._id, purpose)).map(toFileView);
    },

    /** The caller's own file, for attaching to an application or a wish; 404 otherwise. */
    async assertOwned(ctx: ActionContext, fileId: string, purpose?: FilePurpose): Promise<FileDoc> {
      const f = await deps.files.findById(fileId);
      if (!f || f.ownerId !== ctx.actor._id || (purpose && f.purpose !== purpose)) throw new AppError('NOT_FOUND', { message: '未找到该文件' });
      return f;
    },

    /** Bytes for the owner, or for staff of the owner's region (audited). */
    async readForActor(ctx: ActionContext, fileId: string): Promise<{ doc: FileDoc; data: Buffer }> {
      const f = await deps.files.findById(fileId);
      const isOwner = f?.ownerId === ctx.actor._id;
      const isRegionStaff =
        !!f && !!staffScopeOf(ctx.actor) && (staffCovers(ctx.actor, f.regionCode) || (await deps.files.grantedRegions(f._id)).some((r) => staffCovers(ctx.actor, r)));
      if (!f || (!isOwner && !isRegionStaff)) throw new AppError('NOT_FOUND', { message: '未找到该文件' });
      if (!isOwner) await deps.audit.record({ actorId: ctx.actor._id, action: 'file.read', subjectId: f.ownerId, requestId: ctx.requestId, details: { fileId: f._id, purpose: f.purpose } });
      return { doc: f, data: await deps.storage.get(f._id) };
    },

    /** Lets staff of `regionCode` read the file too: a domain calls this when it attaches the file to a record of that region. */
    async grantRegion(fileId: string, regionCode: string): Promise<void> {
      await deps.files.grantRegion(fileId, regionCode);
    },

    /** Bytes without a caller check: only for domain routes that decided the file is public (e.g. an approved wish's photo). */
    async readPublic(fileId: string): Promise<{ doc: FileDoc; data: Buffer } | null> {
      const f = await deps.files.findById(fileId);
      return f ? { doc: f, data: await deps.storage.get(f._id) } : null;
    },
  };
}
export type FileService = ReturnType<typeof fileService>;
