import { Schema, type Connection, type Model } from 'mongoose';

const base = { versionKey: false as const, minimize: false };

/**
 * A company's matching pledge (配捐) to a project: it matches confirmed donations at `ratioPercent`
 * up to `capFen`. One per company and project: `_id` = `<projectId>:<companyUserId>` (insert wins).
 * The matched sum is computed when read (from the raised total), never stored.
 */
export interface CharityPledgeDoc {
  _id: string;
  projectId: string;
  companyUserId: string;
  companyName: string;
  /** The 统一社会信用代码 (tax number) of the company: shown masked. */
  taxNo: string;
  ratioPercent: number;
  capFen: number;
  createdAt: Date;
}
const PledgeSchema = new Schema<CharityPledgeDoc>(
  {
    _id: { type: String, required: true },
    projectId: { type: String, required: true },
    companyUserId: { type: String, required: true },
    companyName: { type: String, required: true },
    taxNo: { type: String, required: true },
    ratioPercent: { type: Number, required: true },
    capFen: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { ...base, collection: 'charity_pledges' },
);
PledgeSchema.index({ projectId: 1, createdAt: 1 });
PledgeSchema.index({ companyUserId: 1, createdAt: -1 });

export const registerPledgeModel = (conn: Connection): Model<CharityPledgeDoc> => conn.model('CharityPledge', PledgeSchema);
