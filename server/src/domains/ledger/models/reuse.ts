import type { Connection, Model, Schema } from 'mongoose';

/**
 * The model `name` on this connection: the one already compiled, or a new one from `schema`.
 * Mongoose refuses to compile a name twice on a connection, so registering the ledger's models
 * again (the domain plugin and a script or test on the same connection) returns the same models.
 */
export const reuseModel = <T>(conn: Connection, name: string, schema: Schema<T>): Model<T> => (conn.models[name] as Model<T>) ?? conn.model(name, schema);
