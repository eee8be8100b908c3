import { Type, type Static } from '@sinclair/typebox';
import { isRegionCode, regionCovers, regionPrefix, WISH_BUDGET_HARD_MAX_FEN, WISH_STORY_MAX_CHARS } from '@dajiuzhu/shared';
import { ConfigError } from './configError';

/**
 * Settings of 微心愿: the `wishes` section of AppConfig, loaded and validated with the rest of the
 * configuration (config/src/index.ts). A bad value stops start-up with a message naming the key.
 */
export const WishConfigSchema = Type.Object(
  {
    /** Budget cap of a wish (fen) where no region-specific cap applies. Default ¥500. */
    budgetCapFen: Type.Integer({ minimum: 100, maximum: WISH_BUDGET_HARD_MAX_FEN }),
    /** Caps per region code; the most specific region covering the wish wins. */
    budgetCapByRegion: Type.Record(Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$' }), Type.Integer({ minimum: 100, maximum: WISH_BUDGET_HARD_MAX_FEN })),
    /** Claims (active or delivered, not yet fulfilled) a donor may hold at once. */
    maxActiveClaims: Type.Integer({ minimum: 1, maximum: 50 }),
    /** A claim not delivered within this many days lapses and the wish reopens. */
    lapseDays: Type.Integer({ minimum: 1, maximum: 90 }),
    /** Story length in characters (at most the hard limit of the schema, 300). */
    storyMaxChars: Type.Integer({ minimum: 20, maximum: WISH_STORY_MAX_CHARS }),
    /** Claim attempts per donor per window. */
    claimRate: Type.Object({ max: Type.Integer({ minimum: 1 }), windowMs: Type.Integer({ minimum: 1000 }) }),
    /** How often the lapse job runs. */
    lapseJobIntervalMs: Type.Integer({ minimum: 1000, maximum: 24 * 3600 * 1000 }),
    /**
     * Largest wish or delivery photo accepted (bytes), checked at upload (413 FILE_TOO_LARGE, nothing
     * stored). Default 1 MB: the limit of WeChat's image check (img_sec_check), which every photo
     * passes before it is attached; the phone compresses below it first.
     */
    photoMaxBytes: Type.Integer({ minimum: 10 * 1024, maximum: 10 * 1024 * 1024 }),
    /** Content security check of text and photos: WeChat's API, or off (development only). */
    contentCheck: Type.Union([Type.Literal('wechat'), Type.Literal('off')]),
  },
  { additionalProperties: false },
);
export type WishConfig = Static<typeof WishConfigSchema>;

export const WISH_DEFAULTS: WishConfig = {
  budgetCapFen: 50_000,
  budgetCapByRegion: {},
  maxActiveClaims: 5,
  lapseDays: 7,
  storyMaxChars: WISH_STORY_MAX_CHARS,
  claimRate: { max: 20, windowMs: 60_000 },
  lapseJobIntervalMs: 10 * 60_000,
  photoMaxBytes: 1024 * 1024,
  contentCheck: 'wechat',
};

/** Environment variables of 微心愿, each naming one key under `wishes` (read by fromEnvironment.ts). */
export const WISH_ENV_KEYS: Record<string, string> = {
  WISH_BUDGET_CAP_FEN: 'wishes.budgetCapFen',
  WISH_BUDGET_CAP_BY_REGION: 'wishes.budgetCapByRegion',
  WISH_MAX_ACTIVE_CLAIMS: 'wishes.maxActiveClaims',
  WISH_LAPSE_DAYS: 'wishes.lapseDays',
  WISH_STORY_MAX_CHARS: 'wishes.storyMaxChars',
  WISH_CLAIM_RATE_MAX: 'wishes.claimRate.max',
  WISH_CLAIM_RATE_WINDOW_MS: 'wishes.claimRate.windowMs',
  WISH_LAPSE_JOB_INTERVAL_MS: 'wishes.lapseJobIntervalMs',
  WISH_PHOTO_MAX_BYTES: 'wishes.photoMaxBytes',
  WISH_CONTENT_CHECK: 'wishes.contentCheck',
};

/** "371400:30000,371500:40000" → caps by region code. */
export function parseBudgetCaps(envName: string, raw: string): Record<string, number> {
  const caps: Record<string, number> = {};
  for (const pair of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [code, fen] = pair.split(':');
    if (!code || !fen || !isRegionCode(code) || !/^\d+$/.test(fen)) throw new ConfigError(`配置错误 wishes.budgetCapByRegion (${envName}): expected "regionCode:fen[,regionCode:fen]"`);
    caps[code] = Number(fen);
  }
  return caps;
}

/** Rules the schema cannot state; `appEnv` is AppConfig.env (production refuses to run without the content check). */
export function checkWishConfig(config: WishConfig, appEnv: 'development' | 'test' | 'production'): void {
  for (const code of Object.keys(config.budgetCapByRegion)) {
    if (!isRegionCode(code)) throw new ConfigError(`配置错误 wishes.budgetCapByRegion (WISH_BUDGET_CAP_BY_REGION): "${code}" is not a region code`);
  }
  if (appEnv === 'production' && config.contentCheck === 'off') {
    throw new ConfigError('配置错误 wishes.contentCheck (WISH_CONTENT_CHECK): the content check cannot be off when NODE_ENV=production');
  }
}

/** The budget cap for a wish in `regionCode`: the most specific configured region covering it, else the default. */
export function budgetCapFor(config: WishConfig, regionCode: string): number {
  let best: { len: number; fen: number } | null = null;
  for (const [code, fen] of Object.entries(config.budgetCapByRegion)) {
    if (!regionCovers(code, regionCode)) continue;
    const len = regionPrefix(code).length;
    if (!best || len > best.len) best = { len, fen };
  }
  return best?.fen ?? config.budgetCapFen;
}
