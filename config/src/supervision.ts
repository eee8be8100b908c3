import { Type, type Static } from '@sinclair/typebox';

/**
 * Settings of 电子监察 (supervision flags and desk), 复查/异议 (review requests), 免审秒办 and the
 * 电子救助卡: the `supervision` section of AppConfig (docs/supervision.md). Defaults cite their source.
 */
export const SupervisionConfigSchema = Type.Object(
  {
    /**
     * HMAC-SHA256 key that signs the assistance card's QR token (ASSISTANCE_CARD_KEY). Absent: a key
     * derived from jwt.secret (HMAC of a fixed label), which production must supply anyway.
     */
    cardKey: Type.Optional(Type.String({ minLength: 32 })),
    /** Seconds a card QR token stays valid (short: a photo of the screen is useless minutes later). */
    cardTtlSeconds: Type.Integer({ minimum: 10, maximum: 900 }),
    /** Calendar days after a decision within which the person may ask for a review (行政复议法 art. 20: 60 days). */
    reviewRequestDays: Type.Integer({ minimum: 1, maximum: 365 }),
    /** Working days the office has to answer a review before it escalates to the county. */
    reviewAnswerWorkingDays: Type.Integer({ minimum: 1, maximum: 60 }),
    /** Working days the county has to answer an escalated review. */
    reviewCountyWorkingDays: Type.Integer({ minimum: 1, maximum: 60 }),
    /** How often the escalation job and the supervision scan look (ms). */
    reviewEscalateEveryMs: Type.Integer({ minimum: 100, maximum: 24 * 3600_000 }),
    scanEveryMs: Type.Integer({ minimum: 1000, maximum: 7 * 24 * 3600_000 }),
    /** Day of the month by which the month's payment run must be made (a later day raises a flag). */
    paymentRunDay: Type.Integer({ minimum: 1, maximum: 28 }),
    /** Working days the owner of a flag has to resolve it. */
    flagWorkingDays: Type.Integer({ minimum: 1, maximum: 60 }),
  },
  { additionalProperties: false },
);
export type SupervisionConfig = Static<typeof SupervisionConfigSchema>;

export const SUPERVISION_DEFAULTS: SupervisionConfig = {
  cardTtlSeconds: 300,
  reviewRequestDays: 60,
  reviewAnswerWorkingDays: 10,
  reviewCountyWorkingDays: 10,
  reviewEscalateEveryMs: 10 * 60_000,
  scanEveryMs: 6 * 3600_000,
  paymentRunDay: 15,
  flagWorkingDays: 10,
};

export const SUPERVISION_ENV_KEYS: Record<string, string> = {
  ASSISTANCE_CARD_KEY: 'supervision.cardKey',
  ASSISTANCE_CARD_TTL_SECONDS: 'supervision.cardTtlSeconds',
  REVIEW_REQUEST_DAYS: 'supervision.reviewRequestDays',
  PAYMENT_RUN_DAY: 'supervision.paymentRunDay',
};
