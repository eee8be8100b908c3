import type { Model } from 'mongoose';
import type { PolicyPeriodDoc } from './models/policyPeriod';
import { insertWins } from '../../core/db/insertWins';

export function policyPeriodRepository(m: { PolicyPeriod: Model<PolicyPeriodDoc> }) {
  return {
    /** False when that region already has a period starting that day. */
    add: (doc: PolicyPeriodDoc) => insertWins(m.PolicyPeriod, doc),
    list: () => m.PolicyPeriod.find({}).sort({ regionCode: 1 }).lean<PolicyPeriodDoc[]>().exec(),
  };
}
export type PolicyPeriodRepository = ReturnType<typeof policyPeriodRepository>;
