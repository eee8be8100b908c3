import { Schema, type Connection, type Model } from 'mongoose';
import type { PolicyPeriod } from '@dajiuzhu/shared';

/**
 * A standards period added by an admin after deployment (config/policy/ holds the reviewed ones).
 * `_id` = "<regionCode>:<effectiveFrom>": one period per region and date, insert wins. Never
 * updated or deleted: a correction is a later period.
 */
export interface PolicyPeriodDoc {
  _id: string;
  regionCode: string;
  regionName: string;
  period: PolicyPeriod;
  createdBy: string;
  createdAt: Date;
}

const PolicyPeriodSchema = new Schema<PolicyPeriodDoc>(
  {
    _id: { type: String, required: true },
    regionCode: { type: String, required: true },
    regionName: { type: String, required: true },
    period: { type: Schema.Types.Mixed, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'policy_periods', minimize: false },
);

export const registerPolicyPeriodModel = (conn: Connection): Model<PolicyPeriodDoc> => conn.model('PolicyPeriod', PolicyPeriodSchema);
