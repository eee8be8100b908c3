import { Schema, type Connection, type Model } from 'mongoose';
import { insertWins } from './insertWins';
import { isDuplicateKey } from '../errors/AppError';

/**
 * Numbered series on insert wins: the n-th item of a series is the document `_id` = "<series>:<n>",
 * so each number is taken exactly once however many requests race, numbers have no gaps, and a cap
 * ("at most N per account per day") is simply "no number above N" — no read-check-write a burst can
 * slip through. A hint document per series (`_id` = series) says where to start looking; it may lag
 * behind (FerretDB updates are read-then-write), which costs a few extra inserts, never correctness.
 */
export interface NumberDoc { _id: string; series: string; n: number; ref: string; at: Date }
export interface HintDoc { _id: string; last: number }
export interface NumberedStore { numbers: Model<NumberDoc>; hints: Model<HintDoc> }

/** A hint lags only by concurrent takers; past this many taken numbers something is wrong. */
const MAX_PROBES = 1000;

/** The two collections of one kind of series, `<kind>_numbers` and `<kind>_number_hints`; registered once per connection. */
export function registerNumberedStore(conn: Connection, kind: string): NumberedStore {
  const name = kind[0].toUpperCase() + kind.slice(1);
  const existing = conn.models[`${name}Number`];
  if (existing) return { numbers: existing, hints: conn.models[`${name}NumberHint`] };
  const numbers = new Schema<NumberDoc>(
    {
      _id: { type: String, required: true },
      series: { type: String, required: true },
      n: { type: Number, required: true },
      ref: { type: String, default: '' },
      at: { type: Date, required: true },
    },
    { versionKey: false, collection: `${kind}_numbers` },
  );
  const hints = new Schema<HintDoc>({ _id: { type: String, required: true }, last: { type: Number, required: true } }, { versionKey: false, collection: `${kind}_number_hints` });
  return { numbers: conn.model(`${name}Number`, numbers), hints: conn.model(`${name}NumberHint`, hints) };
}

/** Takes the series' next number for `ref`; null when every number up to `limit` is taken. */
export async function takeNumber(store: NumberedStore, series: string, ref: string, limit = Number.MAX_SAFE_INTEGER): Promise<number | null> {
  const hint = (await store.hints.findById(series).lean<HintDoc>().exec())?.last ?? 0;
  for (let n = hint + 1; n <= Math.min(limit, hint + MAX_PROBES); n += 1) {
    if (!(await insertWins(store.numbers, { _id: `${series}:${n}`, series, n, ref, at: new Date() }))) continue;
    // Two takers may race on the hint's upsert (duplicate key): it stays a hint either way.
    await store.hints.updateOne({ _id: series }, { $set: { last: n } }, { upsert: true }).exec().catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
    });
    return n;
  }
  if (limit <= hint + MAX_PROBES) return null;
  throw new Error(`no free number in series ${series} after ${MAX_PROBES} tries`);
}

/** The n-th item of a series, if taken. */
export function numberAt(store: NumberedStore, series: string, n: number): Promise<NumberDoc | null> {
  return store.numbers.findById(`${series}:${n}`).lean<NumberDoc>().exec();
}
