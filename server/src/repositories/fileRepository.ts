import type { FileDoc, Models } from '../models';

export function fileRepository(m: Models) {
  return {
    create: (doc: FileDoc) => m.File.create(doc),
    findById: (id: string) => m.File.findById(id).lean<FileDoc>().exec(),
    listByOwner(ownerId: string, purpose?: FileDoc['purpose']) {
      return m.File.find({ ownerId, ...(purpose ? { purpose } : {}) }).sort({ createdAt: -1 }).limit(200).lean<FileDoc[]>().exec();
    },
  };
}
export type FileRepository = ReturnType<typeof fileRepository>;
