import type { FileDoc, Models } from '../models';
import { insertWins } from '../db/insertWins';

export function fileRepository(m: Models) {
  return {
    create: (doc: FileDoc) => m.File.create(doc),
    findById: (id: string) => m.File.findById(id).lean<FileDoc>().exec(),
    grantRegion: (fileId: string, regionCode: string) => insertWins(m.FileRegionGrant, { _id: `${fileId}:${regionCode}`, fileId, regionCode, at: new Date() }),
    grantedRegions: async (fileId: string) => (await m.FileRegionGrant.find({ fileId }).lean().exec()).map((g) => g.regionCode),
    listByOwner(ownerId: string, purpose?: FileDoc['purpose']) {
      return m.File.find({ ownerId, ...(purpose ? { purpose } : {}) }).sort({ createdAt: -1 }).limit(200).lean<FileDoc[]>().exec();
    },
  };
}
export type FileRepository = ReturnType<typeof fileRepository>;
