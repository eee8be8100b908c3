import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, StrictObject } from './common';

/** What an uploaded file is for; each purpose allows its own content types. */
export const FilePurpose = Type.Union([Type.Literal('document'), Type.Literal('wishPhoto'), Type.Literal('deliveryPhoto')]);
export type FilePurpose = Static<typeof FilePurpose>;

export const FileContentType = Type.Union([Type.Literal('image/jpeg'), Type.Literal('image/png'), Type.Literal('image/webp'), Type.Literal('application/pdf')]);
export type FileContentType = Static<typeof FileContentType>;

export const FILE_TYPES_BY_PURPOSE: Record<FilePurpose, FileContentType[]> = {
  document: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
  wishPhoto: ['image/jpeg', 'image/png', 'image/webp'],
  deliveryPhoto: ['image/jpeg', 'image/png', 'image/webp'],
};

export const UploadQuery = StrictObject({ purpose: FilePurpose });
export type UploadQuery = Static<typeof UploadQuery>;

/**
 * The body of an upload (multipart/form-data): one file part named `file` holding the bytes, not
 * empty (400 FILE_MISSING), and no other part (400 VALIDATION_FAILED, like an unknown JSON field).
 * What the bytes are is decided by sniffing them (415 otherwise), never by the part's name or type.
 * For the API document only (core/http/schemaHelpers.ts `uploadBodyDocument`): the server reads the
 * parts as a stream (@fastify/multipart) and checks them itself (core/files/routes.ts).
 */
export const UploadBody = StrictObject({ file: Type.String({ format: 'binary', minLength: 1, description: '文件内容' }) });

export const FileListQuery = StrictObject({ purpose: Type.Optional(FilePurpose) });

export const FileIdParams = StrictObject({ fileId: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });

/** An uploaded file as its owner sees it; the bytes are at GET /api/v1/files/{id} (signed-in, owner or staff of the region). */
export const FileView = Type.Object({
  id: Type.String(),
  purpose: FilePurpose,
  name: Type.String(),
  contentType: FileContentType,
  size: Type.Integer(),
  createdAt: IsoDateTime,
});
export type FileView = Static<typeof FileView>;

export const FileList = Type.Object({ files: Type.Array(FileView) });
export type FileList = Static<typeof FileList>;
