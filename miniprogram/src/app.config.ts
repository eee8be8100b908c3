import { COLORS } from './styles/tokens';

export default defineAppConfig({
  // Tab pages stay thin and in the main package; each domain lives in its own subpackage.
  pages: ['pages/index/index', 'pages/services/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/assistance', pages: ['pages/index/index', 'pages/apply/index', 'pages/form/index', 'pages/mine/index', 'pages/detail/index', 'pages/messages/index', 'pages/notices/index', 'pages/estimate/index'] },
    { root: 'packages/happiness', pages: ['pages/index/index'] },
    { root: 'packages/ledger-staff', pages: ['pages/index/index'] },
    { root: 'packages/wish', pages: ['pages/index/index', 'pages/square/index', 'pages/detail/index', 'pages/post/index', 'pages/mine/index', 'pages/claims/index', 'pages/certificate/index', 'pages/staff/index', 'pages/numbers/index'] },
    { root: 'packages/staff', pages: ['pages/index/index', 'pages/case/index'] },
    { root: 'packages/account', pages: ['pages/profile/index', 'pages/demo-sign-in/index'] },
    { root: 'packages/admin', pages: ['pages/index/index', 'pages/redeem/index'] },
    { root: 'packages/monitoring', pages: ['pages/index/index', 'pages/task/index', 'pages/alerts/index', 'pages/alert/index', 'pages/import/index', 'pages/dashboard/index', 'pages/help/index', 'pages/report/index', 'pages/mine/index'] },
    { root: 'packages/recheck', pages: ['pages/index/index', 'pages/report/index', 'pages/desk/index', 'pages/case/index'] },
    { root: 'packages/charity', pages: ['pages/square/index', 'pages/project/index', 'pages/donate/index', 'pages/donations/index', 'pages/org/index', 'pages/edit/index', 'pages/manage/index', 'pages/review/index'] },
    { root: 'packages/supervision', pages: ['pages/card/index', 'pages/decision/index', 'pages/desk/index', 'pages/verify/index', 'pages/reviews/index', 'pages/relatives/index', 'pages/grants/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: COLORS.primary,
    navigationBarTitleText: '大救助',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: COLORS.muted,
    selectedColor: COLORS.primary,
    backgroundColor: COLORS.surface,
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/services/index', text: '办事', iconPath: 'assets/tab/services.png', selectedIconPath: 'assets/tab/services-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  // H5 only: no sliding page transitions (calmer for older users, stable for screenshots).
  animation: false,
  __usePrivacyCheck__: true,
  // weapp: inject only the components a page uses, when it is opened (WeChat's code-quality check asks for it).
  lazyCodeLoading: 'requiredComponents',
});
