import { insertWins } from '../../core/db/insertWins';
import { regionWithin } from '../../core/scope/staffScope';
import type { ChangeReportDoc, ConfirmationDoc, LetterDoc, RecheckDoc, RecheckEventDoc, RecheckModels } from './models/recheck';

/** Every database access of 动态管理; single-document operations, every guarantee an insert-wins key. */
export function recheckRepository(m: RecheckModels) {
  return {
    // Rechecks and their events
    createRecheck: (r: RecheckDoc) => insertWins(m.Recheck, r),
    findRecheck: (id: string) => m.Recheck.findById(id).lean<RecheckDoc>().exec(),
    /** Applies event `sequence`'s patch; a replay of an older event never moves the recheck back. */
    setRecheck: (id: string, sequence: number, patch: Record<string, unknown>) =>
      m.Recheck.updateOne({ _id: id, sequence: { $lt: sequence } }, { $set: { ...patch, sequence, updatedAt: new Date() } }).exec(),
    appendEvent: (e: RecheckEventDoc) => insertWins(m.RecheckEvent, e),
    findEvent: (id: string) => m.RecheckEvent.findById(id).lean<RecheckEventDoc>().exec(),
    /** A staff queue: rechecks inside `region` in the given states, by deadline. */
    listInRegion: (region: string, statuses: readonly string[], limit: number) =>
      m.Recheck.find({ regionCode: regionWithin(region), status: { $in: [...statuses] } }).sort({ deadline: 1 }).limit(limit).lean<RecheckDoc[]>().exec(),
    /** Rechecks still open inside `region` whose deadline passed before `today` (电子监察), by deadline. */
    overdueInRegion: (region: string, today: string, limit: number) =>
      m.Recheck.find({ regionCode: regionWithin(region), status: { $in: ['open', 'checked'] }, deadline: { $lt: today } }).sort({ deadline: 1 }).limit(limit).lean<RecheckDoc[]>().exec(),
    /** Rechecks of one state whose deadline (for a notice: its end) is on or before a day: the job's sweep. */
    listByStatusUntil: (status: string, day: string, limit: number) =>
      m.Recheck.find({ status, deadline: { $lte: day } }).sort({ deadline: 1 }).limit(limit).lean<RecheckDoc[]>().exec(),
    listForEntitlement: (entitlementId: string) => m.Recheck.find({ entitlementId }).limit(100).lean<RecheckDoc[]>().exec(),

    // One open recheck per entitlement
    claimOpen: (entitlementId: string, recheckId: string) => insertWins(m.OpenKey, { _id: entitlementId, recheckId, at: new Date() }),
    findOpen: (entitlementId: string) => m.OpenKey.findById(entitlementId).lean<{ _id: string; recheckId: string }>().exec(),
    releaseOpen: (entitlementId: string, recheckId: string) => m.OpenKey.deleteOne({ _id: entitlementId, recheckId }).exec(),

    // Change reports, confirmations, letters
    createChangeReport: (r: ChangeReportDoc) => insertWins(m.ChangeReport, r),
    findChangeReport: (id: string) => m.ChangeReport.findById(id).lean<ChangeReportDoc>().exec(),
    setChangeReport: (id: string, set: Partial<ChangeReportDoc>) => m.ChangeReport.updateOne({ _id: id }, { $set: set }).exec(),
    listChangeReportsBy: (userId: string) => m.ChangeReport.find({ reportedBy: userId }).sort({ createdAt: -1 }).limit(100).lean<ChangeReportDoc[]>().exec(),
    createConfirmation: (c: ConfirmationDoc) => insertWins(m.Confirmation, c),
    findConfirmation: (id: string) => m.Confirmation.findById(id).lean<ConfirmationDoc>().exec(),
    findConfirmations: (ids: readonly string[]) => (ids.length ? m.Confirmation.find({ _id: { $in: [...ids] } }).lean<ConfirmationDoc[]>().exec() : Promise.resolve([] as ConfirmationDoc[])),
    createLetter: (l: LetterDoc) => insertWins(m.Letter, l),
    findLetter: (id: string) => m.Letter.findById(id).lean<LetterDoc>().exec(),
    listLettersFor: (blindIndex: string) => m.Letter.find({ beneficiaryBlindIndex: blindIndex }).sort({ createdAt: -1 }).limit(50).lean<LetterDoc[]>().exec(),
  };
}
export type RecheckRepository = ReturnType<typeof recheckRepository>;
