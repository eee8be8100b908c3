import { Schema, type Connection, type Model } from 'mongoose';
import { registerDraftKeyModel, type DraftKeyDoc } from './draftKey';
import { AppMessageSchema, type AppMessageDoc } from './message';
import { PublicNoticeSchema, type PublicNoticeDoc } from './publicNotice';

/**
 * Applications (申请), their drafts, their event log and the unique keys that carry their
 * guarantees (docs/applications.md). Every unique key is an `_id` (always present, the one index
 * FerretDB uses). Sensitive data (the form: members, ID numbers, incomes, disability, health;
 * home-visit findings) is AES-GCM ciphertext; ID numbers are also kept as masks and blind indexes.
 */
const sub = { versionKey: false, _id: false } as const;
const mixed = { type: Schema.Types.Mixed, default: null };

/** The person an application is for (申请人/救助对象). */
export interface PersonRef {
  userId: string | null;
  name: string;
  idNumberCipher: string;
  idNumberMasked: string;
  idNumberBlindIndex: string;
}
const PersonRefSchema = new Schema<PersonRef>(
  { userId: { type: String, default: null }, name: String, idNumberCipher: String, idNumberMasked: String, idNumberBlindIndex: String },
  sub,
);

export interface HelperRef {
  relation: string;
  phoneCipher: string | null;
  phoneMasked: string | null;
  regionCode: string;
}

export interface DocumentRef { item: string; fileId: string }
const DocumentRefSchema = new Schema<DocumentRef>({ item: String, fileId: String }, sub);

/**
 * Consent to the economic check (家庭经济状况核对授权书): the text version shown, when, who ticked it
 * and the request that carried the tick. Set only by that explicit request (or, for a filing in
 * someone's name, by the person's confirmation). `userId`/`requestId` are absent on older records.
 */
export interface ConsentRef { textVersion: string; at: Date; userId?: string; requestId?: string }
const ConsentSchema = new Schema<ConsentRef>({ textVersion: String, at: Date, userId: String, requestId: String }, sub);

/**
 * Who confirmed that the person concerned applies: the filer themselves (their verified identity is
 * the applicant's), the person from their own verified account, or staff (受理 of the case). Until
 * then a filing in someone's name does not take the person's open-application key.
 */
export interface ConfirmationRef { by: 'filer' | 'person' | 'staff'; userId: string; at: Date }

/** A draft, `_id` random; saved as the resident types; resumable on any device of the owner. */
export interface DraftDoc {
  _id: string;
  ownerId: string;
  programme: string;
  applicant: PersonRef;
  helper: HelperRef | null;
  regionCode: string;
  formCipher: string;
  documents: DocumentRef[];
  currentStep: number;
  consent: ConsentRef | null;
  submittedApplicationId: string | null;
  createdAt: Date;
  updatedAt: Date;
}
const DraftSchema = new Schema<DraftDoc>(
  {
    _id: { type: String, required: true },
    ownerId: { type: String, required: true },
    programme: { type: String, required: true },
    applicant: { type: PersonRefSchema, required: true },
    helper: mixed,
    regionCode: { type: String, required: true },
    formCipher: { type: String, required: true },
    documents: { type: [DocumentRefSchema], default: [] },
    currentStep: { type: Number, default: 0 },
    consent: { type: ConsentSchema, default: null },
    submittedApplicationId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'application_drafts' },
);
DraftSchema.index({ ownerId: 1, updatedAt: -1 });

export interface NoticeRef { round: number; startsOn: string; endsOn: string }

/** A submitted application. `status` and `sequence` follow the event log (application_events). */
export interface ApplicationDoc {
  _id: string;
  programme: string;
  status: string;
  sequence: number;
  chain: string[];
  filedBy: string;
  helper: HelperRef | null;
  applicant: PersonRef;
  regionCode: string;
  /** Legacy: region prefixes written by older versions; nothing reads them (queues use `regionWithin` on `regionCode`). */
  regionKeys?: string[];
  hukou: string | null;
  householdSize: number;
  formCipher: string;
  documents: DocumentRef[];
  consent: ConsentRef;
  /** null: not confirmed yet; absent on applications filed before confirmation existed (they held the key from submit). */
  confirmation?: ConfirmationRef | null;
  emergency: boolean;
  submittedAt: Date;
  submittedOn: string;
  acceptedOn: string | null;
  stepDue: { step: string; dueOn: string } | null;
  overallDueOn: string | null;
  extended: { at: Date; reason: string } | null;
  grantedFirst: { at: Date; amountFen: number; paperworkPending: boolean } | null;
  missingDocuments: string[];
  notice: NoticeRef | null;
  proposedAmountFen: number | null;
  decisionReasons: string | null;
  closedAt: Date | null;
  updatedAt: Date;
}
const ApplicationSchema = new Schema<ApplicationDoc>(
  {
    _id: { type: String, required: true },
    programme: { type: String, required: true },
    status: { type: String, required: true },
    sequence: { type: Number, required: true },
    chain: { type: [String], required: true },
    filedBy: { type: String, required: true },
    helper: mixed,
    applicant: { type: PersonRefSchema, required: true },
    regionCode: { type: String, required: true },
    hukou: { type: String, default: null },
    householdSize: { type: Number, required: true },
    formCipher: { type: String, required: true },
    documents: { type: [DocumentRefSchema], default: [] },
    consent: { type: ConsentSchema, required: true },
    confirmation: mixed,
    emergency: { type: Boolean, default: false },
    submittedAt: { type: Date, required: true },
    submittedOn: { type: String, required: true },
    acceptedOn: { type: String, default: null },
    stepDue: mixed,
    overallDueOn: { type: String, default: null },
    extended: mixed,
    grantedFirst: mixed,
    missingDocuments: { type: [String], default: [] },
    notice: mixed,
    proposedAmountFen: { type: Number, default: null },
    decisionReasons: { type: String, default: null },
    closedAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'applications', minimize: false },
);
ApplicationSchema.index({ regionCode: 1, status: 1 });
ApplicationSchema.index({ filedBy: 1, submittedAt: -1 });
ApplicationSchema.index({ 'applicant.idNumberBlindIndex': 1 });

/**
 * One transition, `_id` = "<applicationId>:<sequence 6 digits>": the unique key two staff acting
 * at once race for (insert wins). `patch` is what the transition sets on the application, so a
 * transition whose application update did not happen is replayed on the next read.
 */
export interface ApplicationEventDoc {
  _id: string;
  applicationId: string;
  sequence: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { userId: string; role: string; regionCode: string | null };
  at: Date;
  note: string;
  attachments: string[];
  details: Record<string, unknown>;
  /** Sensitive details (home-visit findings), encrypted. */
  detailsCipher: string | null;
  patch: Record<string, unknown>;
}
const ApplicationEventSchema = new Schema<ApplicationEventDoc>(
  {
    _id: { type: String, required: true },
    applicationId: { type: String, required: true },
    sequence: { type: Number, required: true },
    action: { type: String, required: true },
    fromStatus: { type: String, default: null },
    toStatus: { type: String, required: true },
    actor: { type: new Schema({ userId: String, role: String, regionCode: { type: String, default: null } }, sub), required: true },
    at: { type: Date, required: true },
    note: { type: String, default: '' },
    attachments: { type: [String], default: [] },
    details: { type: Schema.Types.Mixed, default: {} },
    detailsCipher: { type: String, default: null },
    patch: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, collection: 'application_events', minimize: false },
);
ApplicationEventSchema.index({ applicationId: 1, sequence: 1 });

/** Idempotent submit: `_id` = "<userId>:<idempotencyKey>" → the application it created. */
export interface SubmissionKeyDoc { _id: string; applicationId: string; at: Date }
const SubmissionKeySchema = new Schema<SubmissionKeyDoc>(
  { _id: { type: String, required: true }, applicationId: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false, collection: 'application_submissions' },
);

/** One open application per person per programme: `_id` = "<ID blind index>:<programme>"; deleted when the case closes. */
export interface OpenKeyDoc { _id: string; applicationId: string; at: Date }
const OpenKeySchema = new Schema<OpenKeyDoc>(
  { _id: { type: String, required: true }, applicationId: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false, collection: 'application_open_keys' },
);

/**
 * The daily limit on filings not made by the person themselves (帮办代办, or an unverified own
 * filing): `_id` = "<userId>:<YYYY-MM-DD>:<n>", n < the limit; insert wins, so concurrent submits
 * cannot exceed it. Never freed by a later withdrawal: it counts filings made.
 */
export interface FilingSlotDoc { _id: string; userId: string; day: string; applicationId: string; at: Date }
const FilingSlotSchema = new Schema<FilingSlotDoc>(
  { _id: { type: String, required: true }, userId: { type: String, required: true }, day: { type: String, required: true }, applicationId: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false, collection: 'application_filing_slots' },
);

export interface ApplicationModels {
  Draft: Model<DraftDoc>;
  DraftKey: Model<DraftKeyDoc>;
  Application: Model<ApplicationDoc>;
  ApplicationEvent: Model<ApplicationEventDoc>;
  SubmissionKey: Model<SubmissionKeyDoc>;
  OpenKey: Model<OpenKeyDoc>;
  FilingSlot: Model<FilingSlotDoc>;
  PublicNotice: Model<PublicNoticeDoc>;
  AppMessage: Model<AppMessageDoc>;
}

export function registerApplicationModels(conn: Connection): ApplicationModels {
  return {
    Draft: conn.model('ApplicationDraft', DraftSchema),
    DraftKey: registerDraftKeyModel(conn),
    Application: conn.model('Application', ApplicationSchema),
    ApplicationEvent: conn.model('ApplicationEvent', ApplicationEventSchema),
    SubmissionKey: conn.model('ApplicationSubmission', SubmissionKeySchema),
    OpenKey: conn.model('ApplicationOpenKey', OpenKeySchema),
    FilingSlot: conn.model('ApplicationFilingSlot', FilingSlotSchema),
    PublicNotice: conn.model('PublicNotice', PublicNoticeSchema),
    AppMessage: conn.model('AppMessage', AppMessageSchema),
  };
}
