import { isApiError } from '../services/request';

/**
 * THE way a failure becomes words on screen: the API's own Chinese message (from the error
 * envelope, network failures included), or the page's fallback for anything else.
 */
export function errorText(e: unknown, fallback = '操作失败，请稍后再试'): string {
  return isApiError(e) ? e.message : fallback;
}
