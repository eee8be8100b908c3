/** Pages of the 慈善筹 subpackage (app.config.ts lists the same). */
const root = '/packages/charity/pages';
export const CHARITY_ROUTES = {
  square: `${root}/square/index`,
  project: `${root}/project/index`,
  donate: `${root}/donate/index`,
  donations: `${root}/donations/index`,
  org: `${root}/org/index`,
  edit: `${root}/edit/index`,
  manage: `${root}/manage/index`,
  review: `${root}/review/index`,
} as const;
