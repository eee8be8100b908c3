/** Pages of the 监测预警 subpackage (app.config.ts lists the same). */
const root = '/packages/monitoring/pages';
export const MONITORING_ROUTES = {
  desk: `${root}/index/index`,
  task: `${root}/task/index`,
  alerts: `${root}/alerts/index`,
  alert: `${root}/alert/index`,
  import: `${root}/import/index`,
  dashboard: `${root}/dashboard/index`,
  help: `${root}/help/index`,
  report: `${root}/report/index`,
  mine: `${root}/mine/index`,
} as const;

