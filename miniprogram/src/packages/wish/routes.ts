/** Pages of the 微心愿 subpackage (app.config.ts lists the same). */
const root = '/packages/wish/pages';
export const WISH_ROUTES = {
  hub: `${root}/index/index`,
  square: `${root}/square/index`,
  detail: `${root}/detail/index`,
  post: `${root}/post/index`,
  mine: `${root}/mine/index`,
  claims: `${root}/claims/index`,
  certificate: `${root}/certificate/index`,
  staff: `${root}/staff/index`,
  numbers: `${root}/numbers/index`,
} as const;
