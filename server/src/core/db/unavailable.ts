/**
 * Errors that mean "the database cannot be reached right now" (gone, restarting, stalled, or our
 * own connection closing), as opposed to a bug or a refused write. They become 503
 * DATABASE_UNAVAILABLE, never 500. Recognised by name, so a second copy of the driver still
 * matches; mongoose wraps some of them (`cause`).
 */
const UNAVAILABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoPoolClearedError',
  'PoolClearedOnNetworkError',
  'MongoPoolClosedError',
  'MongoClientClosedError',
  'MongoWaitQueueTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
  'MongoOperationTimeoutError',
]);

/** mongoose's own: a command buffered while disconnected past `bufferTimeoutMS`, or a closed connection. */
const MONGOOSE_UNAVAILABLE = /buffering timed out|connection (was )?(force )?closed|client must be connected/i;

/**
 * A socket error the driver let through unwrapped: writing a command on a connection the database
 * has just closed (it was killed) throws Node's own EPIPE "This socket has been ended by the other
 * party" from inside the driver (mongodb 6.20, Connection.writeCommand). Only when the driver threw it.
 */
const SOCKET_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ERR_SOCKET_CLOSED', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);
const FROM_DRIVER = /[\\/]node_modules[\\/]mongodb[\\/]/;

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const { name, message, code, stack } = e as { name?: string; message?: string; code?: unknown; stack?: string };
    if (name && UNAVAILABLE.has(name)) return true;
    if (name === 'MongooseError' && MONGOOSE_UNAVAILABLE.test(message ?? '')) return true;
    if (typeof code === 'string' && SOCKET_CODES.has(code) && FROM_DRIVER.test(stack ?? '')) return true;
  }
  return false;
}
