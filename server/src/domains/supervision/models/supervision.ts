import { Schema, type Connection, type Model } from 'mongoose';
import type { FlagKind, FlagStatus } from '@dajiuzhu/shared';
import { ensureIndexes } from '../../../core/db/ensureIndexes';

/**
 * 电子监察 (docs/supervision.md). Guarantees are unique `_id`s:
 * - supervision_flags `_id` = "fl_<hash of kind, subject and period>": one flag per condition,
 *   subject and period, so a scan run again (or on two processes) adds nothing;
 * - supervision_flag_resolutions `_id` = the flag id: a flag is resolved once (two staff at once:
 *   one 200, one 409);
 * - supervision_relatives `_id` = "rl_<hash of the blind index>": each registered relative once.
 */
const base = { versionKey: false as const, minimize: false };
const Mixed = Schema.Types.Mixed;

export interface FlagDoc {
  _id: string;
  key: string;
  kind: FlagKind;
  status: FlagStatus;
  regionCode: string;
  period: string;
  subject: { kind: string; id: string; name: string; idNumberMasked: string; personKey: string };
  summary: string;
  facts: { label: string; value: string }[];
  ownerLevel: 'township' | 'county';
  ownerRegion: string;
  deadline: string;
  raisedAt: Date;
  resolution: { action: 'resolve' | 'dismiss'; note: string; byId: string; at: Date } | null;
  updatedAt: Date;
}
const FlagSchema = new Schema<FlagDoc>({
  _id: { type: String, required: true }, key: { type: String, required: true }, kind: { type: String, required: true }, status: { type: String, required: true },
  regionCode: { type: String, required: true }, period: { type: String, required: true }, subject: { type: Mixed, required: true }, summary: { type: String, required: true },
  facts: { type: Mixed, default: [] }, ownerLevel: { type: String, required: true }, ownerRegion: { type: String, required: true }, deadline: { type: String, required: true },
  raisedAt: { type: Date, required: true }, resolution: { type: Mixed, default: null }, updatedAt: { type: Date, required: true },
}, { ...base, collection: 'supervision_flags' });
FlagSchema.index({ regionCode: 1, status: 1 });

export interface FlagResolutionDoc { _id: string; action: 'resolve' | 'dismiss'; note: string; byId: string; at: Date }
const ResolutionSchema = new Schema<FlagResolutionDoc>({
  _id: { type: String, required: true }, action: { type: String, required: true }, note: { type: String, required: true }, byId: { type: String, required: true }, at: { type: Date, required: true },
}, { ...base, collection: 'supervision_flag_resolutions' });

export interface RelativeDoc {
  _id: string;
  personKey: string;
  name: string;
  idNumberCipher: string;
  idNumberMasked: string;
  relation: string;
  relatedTo: { name: string; role: 'staff' | 'villageCadre'; post: string };
  regionCode: string;
  createdBy: string;
  createdAt: Date;
}
const RelativeSchema = new Schema<RelativeDoc>({
  _id: { type: String, required: true }, personKey: { type: String, required: true }, name: { type: String, required: true }, idNumberCipher: { type: String, required: true },
  idNumberMasked: { type: String, required: true }, relation: { type: String, required: true }, relatedTo: { type: Mixed, required: true }, regionCode: { type: String, required: true },
  createdBy: { type: String, required: true }, createdAt: { type: Date, required: true },
}, { ...base, collection: 'supervision_relatives' });
RelativeSchema.index({ regionCode: 1 });

export interface SupervisionModels { Flag: Model<FlagDoc>; Resolution: Model<FlagResolutionDoc>; Relative: Model<RelativeDoc> }

export async function registerSupervisionModels(conn: Connection): Promise<SupervisionModels> {
  const models = {
    Flag: conn.model('SupervisionFlag', FlagSchema),
    Resolution: conn.model('SupervisionFlagResolution', ResolutionSchema),
    Relative: conn.model('SupervisionRelative', RelativeSchema),
  };
  await ensureIndexes(models);
  return models;
}
