import type { Model } from 'mongoose';

/**
 * Creates each model's collection and indexes, awaited at start (mongoose's autoIndex is off), so a
 * unique index exists before the first request that relies on it.
 */
export async function ensureIndexes<M extends { [K in keyof M]: Model<any> }>(models: M): Promise<void> {
  for (const model of Object.values(models) as Model<any>[]) {
    await model.createCollection().catch((err: { codeName?: string; code?: number }) => {
      if (err.codeName !== 'NamespaceExists' && err.code !== 48) throw err;
    });
    await model.createIndexes();
  }
}
