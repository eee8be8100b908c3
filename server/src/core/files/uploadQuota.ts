import { shanghaiDate } from '@dajiuzhu/shared';
import { AppError } from '../errors/AppError';
import { takeNumber, type NumberedStore } from '../db/numbered';

/**
 * Uploads per account per day (Asia/Shanghai): each upload takes the next number of the series
 * "<userId>:<date>" by insert (core/db/numbered.ts), so a burst of parallel uploads cannot get past
 * the cap between a count and a write. Every attempt that reaches the body counts, accepted or not:
 * the cap is on the work a caller can make the server do.
 */
export function uploadQuota(store: NumberedStore, perAccountPerDay: number) {
  return {
    async take(userId: string, at = new Date()): Promise<void> {
      if ((await takeNumber(store, `${userId}:${shanghaiDate(at)}`, '', perAccountPerDay)) === null) throw new AppError('UPLOAD_LIMIT_REACHED');
    },
  };
}
export type UploadQuota = ReturnType<typeof uploadQuota>;
