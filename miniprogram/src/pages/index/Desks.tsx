import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Icon, type IconName } from '../../components/Icon';
import { StatusTag } from '../../components/StatusTag';
import { useLoad } from '../../components/hooks';
import { loadStaffDesk } from '../../services/home';
import { ROUTES } from '../../routes';

const go = (url: string) => Taro.navigateTo({ url });

/**
 * Pages of desks built by other packages. The monitoring (grid worker) and admin screens are
 * being added in their own subpackages; their entries show only to people holding the role.
 */
export const DESK_ROUTES = {
  staffQueue: ROUTES.staff,
  ledger: '/packages/ledger-staff/pages/index/index',
  wishReview: '/packages/wish/pages/staff/index',
  monitoring: '/packages/monitoring/pages/index/index',
  admin: '/packages/admin/pages/index/index',
  wishSquare: '/packages/wish/pages/square/index',
  myClaims: '/packages/wish/pages/claims/index',
  charityDesk: '/packages/charity/pages/org/index',
  charityReview: '/packages/charity/pages/review/index',
} as const;

function DeskLink({ icon, title, summary, url }: { icon: IconName; title: string; summary: string; url: string }) {
  return (
    <View className='list__item list__item--row tap desk-link' role='link' onClick={() => go(url)}>
      <Icon name={icon} className='desk-link__icon' />
      <View className='list__text desk-link__text'>
        <Text className='list__title'>{title}</Text>
        <Text className='list__summary'>{summary}</Text>
      </View>
      <Text aria-hidden='true'>›</Text>
    </View>
  );
}

/** Staff: open cases per status and the next ones to take, then the other desks. */
function StaffDesk() {
  const desk = useLoad(loadStaffDesk);
  const d = desk.data;
  return (
    <View className='card desk' data-testid='staff-desk'>
      <Text className='card__title'>我的工作台</Text>
      {desk.error ? <Text className='notice notice--error'>{desk.error}</Text> : null}
      {d ? (
        <>
          <View className='desk__counts'>
            {d.counts.length === 0 ? <Text className='list__summary'>当前没有待办的申请</Text> : null}
            {d.counts.map((c) => (
              <View key={c.status} className='desk__count tap' role='link' onClick={() => go(`${DESK_ROUTES.staffQueue}?status=${c.status}`)}>
                <Text className='desk__number'>{c.count}</Text>
                <Text className='desk__label'>{c.label}</Text>
              </View>
            ))}
          </View>
          {d.overdue > 0 ? <StatusTag tone='danger' text={`${d.overdue} 件已超期`} /> : null}
          {d.queue.map((a) => (
            <View key={a.id} className='desk__row tap' role='link' onClick={() => go(`/packages/staff/pages/case/index?id=${a.id}`)}>
              <Text className='list__title'>{a.applicantNameMasked} · {a.programmeName}</Text>
              <Text className='list__summary'>{a.statusLabel}{a.dueOn ? ` · 办理期限 ${a.dueOn}` : ''}{a.overdue ? ' · 已超期' : ''}</Text>
            </View>
          ))}
        </>
      ) : null}
      <View className='list desk__links'>
        <DeskLink icon='staffDesk' title='全部待办' summary='受理、入户调查、审核、公示、审批' url={DESK_ROUTES.staffQueue} />
        <DeskLink icon='ledger' title='救助台账' summary='导入发放数据、按月发放、发布幸福清单' url={DESK_ROUTES.ledger} />
        <DeskLink icon='wishReview' title='心愿审核' summary='审核微心愿，跟进认领' url={DESK_ROUTES.wishReview} />
        <DeskLink icon='monitoring' title='监测预警' summary='分派、确认预警，导入部门数据，看板' url={DESK_ROUTES.monitoring} />
        <DeskLink icon='wishReview' title='慈善项目审核' summary='审核本辖区慈善组织发起的项目' url={DESK_ROUTES.charityReview} />
      </View>
    </View>
  );
}

/** The desks of the roles the person holds, before anything else on the home page. */
export function Desks({ roles }: { roles: string[] }) {
  return (
    <View className='desks'>
      {roles.includes('staff') ? <StaffDesk /> : null}
      {roles.includes('gridWorker') ? (
        <View className='list' data-testid='monitoring-desk'>
          <DeskLink icon='monitoring' title='网格员工作台（监测预警）' summary='走访、预警和需要跟进的家庭' url={DESK_ROUTES.monitoring} />
        </View>
      ) : null}
      {roles.includes('charity') ? (
        <View className='list' data-testid='charity-desk'>
          <DeskLink icon='donorHelp' title='机构工作台（慈善项目）' summary='发起项目、记录支出、提交报告' url={DESK_ROUTES.charityDesk} />
        </View>
      ) : null}
      {roles.includes('donor') || roles.includes('charity') ? (
        <View className='list' data-testid='donor-desk'>
          <DeskLink icon='donorHelp' title='我要帮扶' summary='看看困难群众的微心愿，认领一个' url={DESK_ROUTES.wishSquare} />
          <DeskLink icon='wish' title='我认领的心愿' summary='送达进度、感谢和爱心证书' url={DESK_ROUTES.myClaims} />
          <DeskLink icon='donorHelp' title='慈善项目' summary='为困难群众募捐的项目，善款去向公开、每季度报告' url={ROUTES.charity} />
        </View>
      ) : null}
      {roles.includes('admin') ? (
        <View className='list' data-testid='admin-desk'>
          <DeskLink icon='admin' title='系统管理' summary='邀请工作人员、网格员、慈善组织；人员与停用' url={DESK_ROUTES.admin} />
        </View>
      ) : null}
    </View>
  );
}
