import { Schema, type Connection, type Model } from 'mongoose';
import { reuseModel } from './reuse';
import type { StatementBody, StatementChange } from '@dajiuzhu/shared';

const base = { versionKey: false as const, minimize: false };

/**
 * The published 幸福清单 of one person and year, the latest version: `_id` = "<beneficiaryKey>:<year>"
 * (beneficiaryKey = blind index of the ID number), so reading it is one `_id` read.
 */
export interface HappinessListDoc {
  _id: string;
  beneficiaryKey: string;
  year: number;
  version: number;
  regionCode: string;
  nameMasked: string;
  idNumberMasked: string;
  fingerprint: string;
  body: StatementBody;
  changes: StatementChange[];
  jobId: string;
  publishedAt: Date;
}
const listFields = {
    _id: { type: String, required: true },
    beneficiaryKey: { type: String, required: true },
    year: { type: Number, required: true },
    version: { type: Number, required: true },
    regionCode: { type: String, required: true },
    nameMasked: { type: String, default: '' },
    idNumberMasked: { type: String, default: '' },
    fingerprint: { type: String, required: true },
    body: { type: Schema.Types.Mixed, required: true },
    changes: { type: Schema.Types.Mixed, default: [] },
    jobId: { type: String, required: true },
    publishedAt: { type: Date, required: true },
};
const HappinessListSchema = new Schema<HappinessListDoc>(listFields, { ...base, collection: 'happiness_lists' });
HappinessListSchema.index({ year: 1, regionCode: 1 });

/** Every version ever published, never changed: `_id` = "<beneficiaryKey>:<year>:<version>" (insert wins: a version is published once). */
export type HappinessListVersionDoc = HappinessListDoc & { listId: string };
const HappinessListVersionSchema = new Schema<HappinessListVersionDoc>({ ...listFields, listId: { type: String, required: true } }, { ...base, collection: 'happiness_list_versions' });

/** In-app notice of a new version: `_id` = "<beneficiaryKey>:<year>:<version>" (notified once). */
export interface HappinessNoticeDoc { _id: string; beneficiaryKey: string; year: number; version: number; text: string; push: 'pending' | 'sent' | 'notSubscribed' | 'failed' | 'noWechat'; createdAt: Date }
const HappinessNoticeSchema = new Schema<HappinessNoticeDoc>(
  {
    _id: { type: String, required: true },
    beneficiaryKey: { type: String, required: true },
    year: { type: Number, required: true },
    version: { type: Number, required: true },
    text: { type: String, required: true },
    push: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { ...base, collection: 'happiness_list_notices' },
);
HappinessNoticeSchema.index({ beneficiaryKey: 1, createdAt: -1 });
HappinessNoticeSchema.index({ year: 1, push: 1 }); // the notices still to push after a publish

/**
 * Feedback on a statement.
 *  confirm:<key>:<year>:<version>  receipt confirmed (insert wins: once per version)
 *  rating:<key>:<year>             satisfaction 1–5 (replaced when rated again)
 */
export interface HappinessFeedbackDoc { _id: string; kind: 'confirm' | 'rating'; beneficiaryKey: string; userId: string; regionCode: string; year: number; version: number; score: number; comment: string; at: Date }
const HappinessFeedbackSchema = new Schema<HappinessFeedbackDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    beneficiaryKey: { type: String, required: true },
    userId: { type: String, required: true },
    regionCode: { type: String, required: true },
    year: { type: Number, required: true },
    version: { type: Number, required: true },
    score: { type: Number, default: 0 },
    comment: { type: String, default: '' },
    at: { type: Date, required: true },
  },
  { ...base, collection: 'happiness_list_feedback' },
);
HappinessFeedbackSchema.index({ year: 1, regionCode: 1 });

/** A question (异议) about a statement; answers are separate rows so two staff answering both land. */
export interface HappinessQuestionDoc {
  _id: string;
  beneficiaryKey: string;
  userId: string;
  nameMasked: string;
  regionCode: string;
  year: number;
  version: number;
  programme: string;
  month: number;
  text: string;
  status: 'open' | 'answered' | 'closed';
  createdAt: Date;
  updatedAt: Date;
}
const HappinessQuestionSchema = new Schema<HappinessQuestionDoc>(
  {
    _id: { type: String, required: true },
    beneficiaryKey: { type: String, required: true },
    userId: { type: String, required: true },
    nameMasked: { type: String, default: '' },
    regionCode: { type: String, required: true },
    year: { type: Number, required: true },
    version: { type: Number, required: true },
    programme: { type: String, default: '' },
    month: { type: Number, default: 0 },
    text: { type: String, required: true },
    status: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...base, collection: 'happiness_questions' },
);
HappinessQuestionSchema.index({ userId: 1, year: 1 });
// A region's questions (a range on regionCode, then status) and a region's year (the stats counts).
HappinessQuestionSchema.index({ regionCode: 1, status: 1 });
HappinessQuestionSchema.index({ year: 1, regionCode: 1 });

export interface HappinessAnswerDoc { _id: string; questionId: string; staffId: string; text: string; at: Date }
const HappinessAnswerSchema = new Schema<HappinessAnswerDoc>(
  { _id: { type: String, required: true }, questionId: { type: String, required: true }, staffId: { type: String, required: true }, text: { type: String, required: true }, at: { type: Date, required: true } },
  { ...base, collection: 'happiness_answers' },
);
HappinessAnswerSchema.index({ questionId: 1, at: 1 });

export interface HappinessListModels {
  HappinessList: Model<HappinessListDoc>;
  HappinessListVersion: Model<HappinessListVersionDoc>;
  HappinessNotice: Model<HappinessNoticeDoc>;
  HappinessFeedback: Model<HappinessFeedbackDoc>;
  HappinessQuestion: Model<HappinessQuestionDoc>;
  HappinessAnswer: Model<HappinessAnswerDoc>;
}

export function registerHappinessListModels(conn: Connection): HappinessListModels {
  return {
    HappinessList: reuseModel(conn, 'HappinessList', HappinessListSchema),
    HappinessListVersion: reuseModel(conn, 'HappinessListVersion', HappinessListVersionSchema),
    HappinessNotice: reuseModel(conn, 'HappinessNotice', HappinessNoticeSchema),
    HappinessFeedback: reuseModel(conn, 'HappinessFeedback', HappinessFeedbackSchema),
    HappinessQuestion: reuseModel(conn, 'HappinessQuestion', HappinessQuestionSchema),
    HappinessAnswer: reuseModel(conn, 'HappinessAnswer', HappinessAnswerSchema),
  };
}
