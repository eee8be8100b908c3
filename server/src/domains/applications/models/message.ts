import { Schema } from 'mongoose';

/** In-app messages (站内消息) about a case. */
export interface AppMessageDoc { _id: string; userId: string; applicationId: string | null; title: string; body: string; createdAt: Date; read: boolean }
export const AppMessageSchema = new Schema<AppMessageDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    applicationId: { type: String, default: null },
    title: { type: String, required: true },
    body: { type: String, required: true },
    createdAt: { type: Date, required: true },
    read: { type: Boolean, default: false },
  },
  { versionKey: false, collection: 'app_messages' },
);
AppMessageSchema.index({ userId: 1, createdAt: -1 });
