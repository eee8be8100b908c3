import { AppError } from '../../../core/errors/AppError';
import type { PublicListQuery, SquareKey } from '../repository';

/**
 * The square's page cursor: the last wish's sort key as `<publishedAt ms>.<budgetFen>.<_id>`.
 * Opaque to clients, but its format is the schema's pattern, so every cursor the schema accepts is
 * a position: a page after it is a keyset query that costs the same on page 100 as on page 1 and
 * never repeats or skips a wish that stays put. (A cursor taken under another sort is still a
 * position in this one; the answer is simply the wishes after it.)
 */
export function encodeSquareCursor(_sort: PublicListQuery['sort'], last: { _id: string; budgetFen: number; publishedAt: Date | null }): string {
  return `${last.publishedAt?.getTime() ?? 0}.${last.budgetFen}.${last._id}`;
}

/** The key a cursor carries; the schema's pattern has already refused anything else. */
export function decodeSquareCursor(_sort: PublicListQuery['sort'], cursor: string): SquareKey {
  const match = /^(\d{1,15})\.(\d{1,12})\.([A-Za-z0-9_-]{1,100})$/.exec(cursor);
  // Unreachable through the route (the schema's pattern); kept so a direct caller gets a 400, not a 500.
  if (!match) throw new AppError('VALIDATION_FAILED', { message: '分页位置无效，请从第一页重新加载' });
  return { publishedAt: new Date(Number(match[1])), budgetFen: Number(match[2]), _id: match[3] };
}
