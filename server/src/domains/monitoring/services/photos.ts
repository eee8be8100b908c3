import { AppError } from '../../../core/errors/AppError';
import type { ContentCheckClient } from '../../../core/adapters/wechat/contentCheck';
import type { FileService } from '../../../core/files/fileService';
import type { ActionContext } from '../../../core/context';

/**
 * Photos attached to a visit or a 随手拍 report: the caller's own uploaded images (core/files),
 * passed through WeChat's image check, then granted to the alert's region so its staff can see them.
 */
export function photoAttacher(deps: { files: Pick<FileService, 'assertOwned' | 'readPublic' | 'grantRegion'>; contentCheck: ContentCheckClient }) {
  return async function attach(ctx: ActionContext, fileIds: readonly string[], regionCode: string): Promise<void> {
    for (const [i, id] of fileIds.entries()) {
      const file = await deps.files.assertOwned(ctx, id).catch(() => null);
      if (!file || !file.contentType.startsWith('image/')) throw new AppError('MONITORING_PHOTO_INVALID', { details: { fields: [{ path: `/photoFileIds/${i}`, rule: 'photo' }] } });
      const read = await deps.files.readPublic(id);
      if (!read) throw new AppError('MONITORING_PHOTO_INVALID');
      const v = await deps.contentCheck.checkImage({ data: read.data, contentType: file.contentType, fileName: file.name }).catch(unavailable);
      if (v.verdict === 'risky') throw new AppError('MONITORING_CONTENT_REJECTED', { message: `第${i + 1}张照片未通过安全检测，请换一张照片`, details: { fields: [{ path: `/photoFileIds/${i}`, rule: 'contentRisky' }] } });
    }
    for (const id of fileIds) await deps.files.grantRegion(id, regionCode);
  };
}

/** The content check being down is the monitoring domain's 503, not the wishes domain's code the adapter uses. */
export function unavailable(err: unknown): never {
  if (err instanceof AppError && err.code === 'WISH_CONTENT_CHECK_UNAVAILABLE') throw new AppError('MONITORING_CONTENT_CHECK_UNAVAILABLE');
  throw err;
}
