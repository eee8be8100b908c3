import type { Model } from 'mongoose';
import { isDuplicateKey } from '../errors/AppError';

/**
 * The project's one concurrency primitive (docs/database.md): insert a document under a unique
 * key. True when this insert won; false when the key already existed (someone else won, or this is
 * a retry). Atomic on MongoDB and on FerretDB alike.
 */
export async function insertWins<T>(model: Model<T>, doc: T): Promise<boolean> {
  try {
    await model.create(doc);
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/**
 * insertMany, unordered, where a duplicate `_id` is an expected outcome (insert wins, for a batch).
 * Returns the indexes of the documents that were NOT inserted because their key already existed.
 * Any other error is thrown. (FerretDB v1.24 reports these as a MongoBulkWriteError with one
 * writeError of code 11000 per duplicate and inserts the rest, as MongoDB does:
 * test/integration/ledgerImports.test.ts.)
 */
export async function insertManyWins(model: Model<any>, docs: object[]): Promise<Set<number>> {
  const dups = new Set<number>();
  if (!docs.length) return dups;
  try {
    await model.collection.insertMany(docs as any[], { ordered: false });
  } catch (err) {
    const writeErrors = (err as { writeErrors?: { index: number; code?: number; err?: { code?: number } }[] }).writeErrors;
    if (!writeErrors) {
      if (isDuplicateKey(err) && docs.length === 1) { dups.add(0); return dups; }
      throw err;
    }
    for (const w of [writeErrors].flat()) {
      const code = w.code ?? w.err?.code;
      if (code !== 11000) throw err;
      dups.add(w.index);
    }
  }
  return dups;
}

/**
 * Replaces the document with this `_id`, creating it if there is none. Two requests doing so at
 * once for a new `_id` both try the insert (on FerretDB and MongoDB alike); the loser's
 * duplicate-key error means the document exists now, so it replaces it as a plain update: one
 * document, and no 500 (e.g. a rating PUT twice at once).
 */
export async function replaceById<T extends { _id: string }>(model: Model<T>, doc: T): Promise<void> {
  try {
    await model.replaceOne({ _id: doc._id }, doc, { upsert: true }).exec();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await model.replaceOne({ _id: doc._id }, doc).exec();
  }
}
