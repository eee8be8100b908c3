import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One open draft per owner, programme and applicant: `_id` = "<ownerId>:<programme>:<applicant blind
 * index>", pointing at the draft. 开始申请 tapped twice (or retried) finds the draft already
 * started instead of making an identical second one (insert wins; services/drafts.ts). A key whose
 * draft was submitted or deleted is stale and is replaced by the next start.
 */
export interface DraftKeyDoc { _id: string; draftId: string; at: Date }
const DraftKeySchema = new Schema<DraftKeyDoc>(
  { _id: { type: String, required: true }, draftId: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false, collection: 'application_draft_keys' },
);

export function registerDraftKeyModel(conn: Connection): Model<DraftKeyDoc> {
  return (conn.models.ApplicationDraftKey as Model<DraftKeyDoc> | undefined) ?? conn.model('ApplicationDraftKey', DraftKeySchema);
}
