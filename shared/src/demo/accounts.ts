import type { DevSignInBody } from '../schemas/auth';

/**
 * Demo sign-ins loaded by `npm start` and offered on the H5 demo screen (演示登录).
 * They exist only where development sign-in is enabled, never in production.
 */
export interface DemoAccount extends DevSignInBody {
  label: string;
  description: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { openid: 'demo-resident-wang', role: 'resident', label: '居民 王大爷', description: '德州市德城区居民，可申请救助、查看幸福清单' },
  { openid: 'demo-resident-li', role: 'resident', label: '居民 李阿姨', description: '聊城市东昌府区居民' },
  { openid: 'demo-donor-zhang', role: 'donor', donorKind: 'person', label: '爱心人士 张先生', description: '认领并实现微心愿' },
  { openid: 'demo-donor-company', role: 'donor', donorKind: 'company', label: '爱心企业 德州某公司', description: '企业捐助者' },
  { openid: 'demo-staff-dezhou-township', role: 'staff', level: 'township', regionCode: '371402001', label: '街道工作人员（德州 新华街道）', description: '受理、入户调查、审核' },
  { openid: 'demo-staff-dezhou-county', role: 'staff', level: 'county', regionCode: '371400', label: '县级民政（德州市）', description: '审批、监察' },
  { openid: 'demo-staff-liaocheng-county', role: 'staff', level: 'county', regionCode: '371500', label: '县级民政（聊城市）', description: '审批、监察' },
  { openid: 'demo-admin', role: 'admin', label: '系统管理员', description: '创建工作人员邀请码' },
];
