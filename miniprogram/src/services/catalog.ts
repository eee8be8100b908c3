import type { Role } from '@dajiuzhu/shared';
import { ROUTES } from '../routes';

export interface ServiceEntry {
  key: 'apply' | 'estimate' | 'progress' | 'happinessList' | 'wish' | 'donorHelp' | 'charity' | 'staffDesk' | 'helpRequest' | 'hardshipReport';
  title: string;
  /** One line shown in 办事. */
  summary: string;
  url: string;
  /** Shown only to users with this role. */
  role?: Role;
}

/** The services of the home grid and the 办事 list. Not-yet-built ones open their domain's placeholder. */
export const SERVICES: ServiceEntry[] = [
  { key: 'apply', title: '申请救助', summary: '在线申请低保、特困、临时救助等', url: `${ROUTES.assistance}?service=apply` },
  { key: 'estimate', title: '政策测算', summary: '填写家庭情况，估算可以享受的救助', url: '/packages/assistance/pages/estimate/index' },
  { key: 'progress', title: '进度查询', summary: '查看申请办到了哪一步', url: `${ROUTES.assistance}?service=progress` },
  { key: 'happinessList', title: '幸福清单', summary: '查看今年领取的每一项救助和金额', url: ROUTES.happiness },
  { key: 'wish', title: '微心愿', summary: '发布或查看困难群众的小心愿', url: `${ROUTES.wish}?service=wish` },
  { key: 'donorHelp', title: '我要帮扶', summary: '爱心人士、爱心企业认领并实现心愿', url: `${ROUTES.wish}?service=donorHelp` },
  { key: 'charity', title: '慈善项目', summary: '为困难群众募捐的项目，善款去向公开、每季度报告', url: ROUTES.charity },
  { key: 'helpRequest', title: '一键求助', summary: '遇到困难，告诉所在地的工作人员', url: ROUTES.helpRequest },
  { key: 'hardshipReport', title: '随手拍', summary: '发现身边有人生活困难，报告给工作人员', url: ROUTES.hardshipReport },
  { key: 'staffDesk', title: '工作台', summary: '工作人员受理、调查、审核', url: ROUTES.staff, role: 'staff' },
];

export function servicesFor(roles: readonly Role[] | undefined): ServiceEntry[] {
  return SERVICES.filter((s) => !s.role || (roles ?? []).includes(s.role));
}

export function serviceByKey(key: string | undefined): ServiceEntry | undefined {
  return SERVICES.find((s) => s.key === key);
}
