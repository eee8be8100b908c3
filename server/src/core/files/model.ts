import { Schema, type Connection, type Model } from 'mongoose';

/** An uploaded file's record; the bytes are in FileStorage under `_id`. */
export interface FileDoc {
  _id: string;
  ownerId: string;
  /** The owner's region when uploaded: staff covering it may read the file. '' when unknown. */
  regionCode: string;
  purpose: 'document' | 'wishPhoto' | 'deliveryPhoto';
  name: string;
  contentType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
  size: number;
  sha256: string;
  createdAt: Date;
}

const FileSchema = new Schema<FileDoc>(
  {
    _id: { type: String, required: true },
    ownerId: { type: String, required: true },
    regionCode: { type: String, default: '' },
    purpose: { type: String, required: true },
    name: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'files' },
);
FileSchema.index({ ownerId: 1, createdAt: -1 });

export const registerFileModel = (conn: Connection): Model<FileDoc> => conn.model('File', FileSchema);

/**
 * A file attached to a record of another region than its uploader's (a helper files for someone
 * elsewhere): staff of that region may read it too. `_id` = "<fileId>:<regionCode>".
 */
export interface FileRegionGrantDoc { _id: string; fileId: string; regionCode: string; at: Date }
const FileRegionGrantSchema = new Schema<FileRegionGrantDoc>(
  { _id: { type: String, required: true }, fileId: { type: String, required: true }, regionCode: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false, collection: 'file_region_grants' },
);
export const registerFileRegionGrantModel = (conn: Connection): Model<FileRegionGrantDoc> => conn.model('FileRegionGrant', FileRegionGrantSchema);
