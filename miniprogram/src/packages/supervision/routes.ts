/** Pages of the 电子监察 / 救助卡 / 复查 subpackage (app.config.ts lists the same). */
const root = '/packages/supervision/pages';
export const SUPERVISION_ROUTES = {
  card: `${root}/card/index`,
  decision: `${root}/decision/index`,
  desk: `${root}/desk/index`,
  verify: `${root}/verify/index`,
  reviews: `${root}/reviews/index`,
  relatives: `${root}/relatives/index`,
  grants: `${root}/grants/index`,
} as const;
