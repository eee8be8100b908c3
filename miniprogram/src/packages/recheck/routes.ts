/** Pages of the 动态管理 subpackage (app.config.ts lists the same). */
const root = '/packages/recheck/pages';
export const RECHECK_ROUTES = {
  household: `${root}/index/index`,
  report: `${root}/report/index`,
  desk: `${root}/desk/index`,
  case: `${root}/case/index`,
} as const;
