import type { ApplicationDocument } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import type { FileService } from '../../../core/files/fileService';

/**
 * Files attached to a case must be the caller's own uploads: application documents (证明材料)
 * of purpose `document`, home-visit photos of any purpose. A foreign or unknown file is refused
 * naming the field, never revealing whether the file exists.
 */
export function caseFiles(files: Pick<FileService, 'assertOwned' | 'grantRegion'>) {
  return {
    async assertDocuments(ctx: ActionContext, documents: readonly ApplicationDocument[]) {
      for (const [i, d] of documents.entries()) {
        try {
          await files.assertOwned(ctx, d.fileId, 'document');
        } catch (err) {
          if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError('APPLICATION_DOCUMENT_UNUSABLE', { details: { fields: [{ path: `/documents/${i}/fileId`, rule: 'owned' }] } });
          throw err;
        }
      }
    },

    async assertPhotos(ctx: ActionContext, photos: readonly string[]) {
      for (const [i, fileId] of photos.entries()) {
        try {
          await files.assertOwned(ctx, fileId);
        } catch {
          throw new AppError('APPLICATION_DOCUMENT_UNUSABLE', { details: { fields: [{ path: `/photos/${i}`, rule: 'owned' }] } });
        }
      }
    },

    /** Documents follow the case: staff of its region may read them even when a helper from elsewhere uploaded them. */
    async grantToRegion(documents: readonly { fileId: string }[], regionCode: string) {
      for (const d of documents) await files.grantRegion(d.fileId, regionCode);
    },
  };
}
export type CaseFiles = ReturnType<typeof caseFiles>;
