/** Every page path in one place (app.config.ts lists the same pages). */
export const ROUTES = {
  home: '/pages/index/index',
  services: '/pages/services/index',
  mine: '/pages/mine/index',
  assistance: '/packages/assistance/pages/index/index',
  happiness: '/packages/happiness/pages/index/index',
  wish: '/packages/wish/pages/index/index',
  staff: '/packages/staff/pages/index/index',
  profile: '/packages/account/pages/profile/index',
  demoSignIn: '/packages/account/pages/demo-sign-in/index',
  admin: '/packages/admin/pages/index/index',
  redeemInvitation: '/packages/admin/pages/redeem/index',
  monitoring: '/packages/monitoring/pages/index/index',
  helpRequest: '/packages/monitoring/pages/help/index',
  hardshipReport: '/packages/monitoring/pages/report/index',
  myReports: '/packages/monitoring/pages/mine/index',
  charity: '/packages/charity/pages/square/index',
} as const;

export const TAB_ROUTES: string[] = [ROUTES.home, ROUTES.services, ROUTES.mine];
