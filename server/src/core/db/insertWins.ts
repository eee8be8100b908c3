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
