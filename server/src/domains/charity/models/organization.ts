import { Schema, type Connection, type Model } from 'mongoose';

const base = { versionKey: false as const, minimize: false };

/**
 * A charity organisation (慈善总会 …), created when its invitation is redeemed. `_id` = the
 * 统一社会信用代码 (18 chars, unique by law): redeeming a second invitation for the same
 * organisation links another account to the same row (insert wins, never a duplicate).
 */
export interface CharityOrganizationDoc {
  _id: string;
  name: string;
  registrationNo: string;
  regionCode: string;
  createdBy: string;
  createdAt: Date;
}
const OrganizationSchema = new Schema<CharityOrganizationDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    registrationNo: { type: String, required: true },
    regionCode: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { ...base, collection: 'charity_organizations' },
);

export const registerOrganizationModel = (conn: Connection): Model<CharityOrganizationDoc> => conn.model('CharityOrganization', OrganizationSchema);
