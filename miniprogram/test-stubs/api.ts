/**
 * A fake API behind the Taro.request stub, for page tests: routes by method and path, records
 * every call in order. Unrouted calls answer 500 so a test sees them.
 */
import * as stub from './taro';

export interface ApiCall {
  method: string;
  path: string;
  body: unknown;
}

type Answer = { status?: number; data: unknown };
type Handler = (call: ApiCall) => Answer | unknown;

export function fakeApi(routes: Record<string, Handler>): ApiCall[] {
  const calls: ApiCall[] = [];
  stub.request.mockImplementation(async (opt) => {
    const url = new URL(opt.url, 'http://phone');
    const call: ApiCall = { method: opt.method ?? 'GET', path: url.pathname, body: opt.data };
    calls.push(call);
    const handler = routes[`${call.method} ${call.path}`];
    if (!handler) return { statusCode: 500, header: {}, data: { error: { code: 'INTERNAL', message: `unrouted ${call.method} ${call.path}`, requestId: 't' } } };
    const answer = handler(call);
    const isAnswer = !!answer && typeof answer === 'object' && 'data' in (answer as object);
    const { status = 200, data } = isAnswer ? (answer as Answer) : { status: 200, data: answer };
    return { statusCode: status, header: {}, data };
  });
  return calls;
}

/** The error envelope the API answers with. */
export const failure = (status: number, code: string, message: string): Answer => ({ status, data: { error: { code, message, requestId: 't' } } });
