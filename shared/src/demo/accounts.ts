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
  { openid: 'demo-resident-wang', role: 'resident', label: '居民 王大爷', description: '德州市德城区居民：低保、今年和去年的幸福清单、办理中的临时救助、心愿' },
  { openid: 'demo-resident-li', role: 'resident', label: '居民 李阿姨', description: '聊城市东昌府区居民：特困供养、幸福清单、待确认的心愿' },
  { openid: 'demo-donor-zhang', role: 'donor', donorKind: 'person', label: '爱心人士 张先生', description: '认领并实现微心愿：待送达、已送达、爱心证书' },
  { openid: 'demo-donor-company', role: 'donor', donorKind: 'company', label: '爱心企业 德州某公司', description: '企业捐助者' },
  { openid: 'demo-staff-dezhou-township', role: 'staff', level: 'township', regionCode: '371402001', label: '街道工作人员（德州 新华街道）', description: '受理、入户调查、审核、公示；待办案件和待审心愿' },
  { openid: 'demo-staff-dezhou-county', role: 'staff', level: 'county', regionCode: '371400', label: '县级民政（德州市）', description: '审批（一件公示期已满、可立即审批）、监察、台账' },
  { openid: 'demo-staff-liaocheng-county', role: 'staff', level: 'county', regionCode: '371500', label: '县级民政（聊城市）', description: '审批、监察' },
  { openid: 'demo-gridworker-dezhou', role: 'gridWorker', regionCode: '371402001001', label: '网格员（德州 新华街道某社区）', description: '入户核查预警任务、登记核查结果' },
  { openid: 'demo-charity-dezhou', role: 'charity', label: '慈善组织（德州市慈善总会）', description: '募捐项目：审核中、募捐中（捐款、企业配捐、支出、救助到人、进展报告）、已结项' },
  { openid: 'demo-admin', role: 'admin', label: '系统管理员', description: '创建工作人员邀请码' },
];
