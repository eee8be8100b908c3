import { Schema } from 'mongoose';

/** The public notice page's entries: only what may be public. `_id` = "<applicationId>:<round>". */
export interface PublicNoticeDoc {
  _id: string;
  applicationId: string;
  programme: string;
  nameMasked: string;
  householdSize: number;
  amountFen: number | null;
  regionCode: string;
  /** Legacy: region prefixes written by older versions; nothing reads them (the page uses `regionWithin` on `regionCode`). */
  regionKeys?: string[];
  startsOn: string;
  endsOn: string;
  active: boolean;
}
export const PublicNoticeSchema = new Schema<PublicNoticeDoc>(
  {
    _id: { type: String, required: true },
    applicationId: { type: String, required: true },
    programme: { type: String, required: true },
    nameMasked: { type: String, required: true },
    householdSize: { type: Number, required: true },
    amountFen: { type: Number, default: null },
    regionCode: { type: String, required: true },
    startsOn: { type: String, required: true },
    endsOn: { type: String, required: true },
    active: { type: Boolean, required: true },
  },
  { versionKey: false, collection: 'public_notices' },
);
PublicNoticeSchema.index({ active: 1, regionCode: 1 });
