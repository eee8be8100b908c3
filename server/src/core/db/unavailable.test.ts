import { isDatabaseUnavailable } from './unavailable';

const named = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('database unavailable (503), not a bug (500)', () => {
  it('knows the driver and mongoose errors of a database that is gone, restarting or closed', () => {
    for (const name of ['MongoNetworkError', 'MongoServerSelectionError', 'MongooseServerSelectionError', 'PoolClearedOnNetworkError', 'MongoNotConnectedError', 'MongoTopologyClosedError']) {
      expect(isDatabaseUnavailable(named(name))).toBe(true);
    }
    expect(isDatabaseUnavailable(named('MongooseError', 'Operation `users.findOne()` buffering timed out after 10000ms'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: named('MongoNetworkTimeoutError') }))).toBe(true);
  });

  it('knows the socket error the driver lets through, only from inside the driver', () => {
    const epipe = Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' });
    epipe.stack = 'Error: This socket has been ended by the other party\n    at Connection.writeCommand (/app/node_modules/mongodb/lib/cmap/connection.js:1:1)';
    expect(isDatabaseUnavailable(epipe)).toBe(true);
    const elsewhere = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', stack: 'Error: socket hang up\n    at /app/server/src/core/adapters/wechat/http.ts:1:1' });
    expect(isDatabaseUnavailable(elsewhere)).toBe(false);
  });

  it('leaves everything else to be a bug or a refusal', () => {
    expect(isDatabaseUnavailable(Object.assign(named('MongoServerError', 'E11000 duplicate key'), { code: 11000 }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(named('MongooseError', 'Model.find() no longer accepts a callback'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
