import { insertManyWins, insertWins } from '../../core/db/insertWins';
import { regionWithin } from '../../core/scope/staffScope';
import type { FlagDoc, FlagResolutionDoc, RelativeDoc, SupervisionModels } from './models/supervision';

/** Every database access of the supervision domain (each query names the index it uses). */
export function supervisionRepository(m: SupervisionModels) {
  return {
    /** Inserts new flags; the indexes of those already there (a re-run) come back. */
    insertFlags: (docs: FlagDoc[]) => insertManyWins(m.Flag, docs),
    findFlag: (id: string) => m.Flag.findById(id).lean<FlagDoc>().exec(),
    /** Index regionCode_1_status_1. */
    listFlags: (scope: string, filter: { status?: string; kind?: string }, limit: number) =>
      m.Flag.find({ regionCode: regionWithin(scope), ...filter }).sort({ deadline: 1, _id: 1 }).limit(limit).lean<FlagDoc[]>().exec(),
    /** What the desk's counts read, streamed. Index regionCode_1_status_1. */
    flagFacts: (scope: string) => m.Flag.find({ regionCode: regionWithin(scope) }, { _id: 0, kind: 1, status: 1, regionCode: 1, deadline: 1 })
      .lean<Pick<FlagDoc, 'kind' | 'status' | 'regionCode' | 'deadline'>>().cursor({ batchSize: 2000 }),
    insertResolution: (doc: FlagResolutionDoc) => insertWins(m.Resolution, doc),
    findResolution: (id: string) => m.Resolution.findById(id).lean<FlagResolutionDoc>().exec(),
    applyResolution: (id: string, set: Partial<FlagDoc>) => m.Flag.updateOne({ _id: id, status: 'open' }, { $set: set }).exec(),

    insertRelative: (doc: RelativeDoc) => insertWins(m.Relative, doc),
    /** Index regionCode_1. */
    relativesIn: (scope: string, limit: number) => m.Relative.find({ regionCode: regionWithin(scope) }).sort({ createdAt: -1, _id: 1 }).limit(limit).lean<RelativeDoc[]>().exec(),
  };
}
export type SupervisionRepository = ReturnType<typeof supervisionRepository>;
