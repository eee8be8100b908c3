import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { StatusTag } from '../../../../components/StatusTag';
import { EmptyState } from '../../../../components/EmptyState';
import { Notice } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { charityApi } from '../../../../services/charity';
import { ACTION_LABELS, PROJECT_STATUS } from '../../labels';
import { CHARITY_ROUTES } from '../../routes';
import '../../components/charity.scss';

const go = (url: string) => Taro.navigateTo({ url });

/** The charity organisation's desk (role charity): its details and its projects with what can be done next. */
export default function CharityDeskPage() {
  const org = useLoad(() => charityApi.organization());
  const projects = useLoad(() => charityApi.myProjects());
  const list = projects.data?.projects ?? [];
  return (
    <PageShell className='charity-org'>
      {org.data ? (
        <View className='card' data-testid='organization'>
          <Text className='card__title'>{org.data.name}</Text>
          <Text className='card__line'>{org.data.regionName} · 登记证书 {org.data.registrationNo}</Text>
          <Text className='ch-muted'>统一社会信用代码 {org.data.creditCode}</Text>
        </View>
      ) : null}
      <Notice text={org.error ?? projects.error} error />
      {list.map((p) => {
        const status = PROJECT_STATUS[p.status];
        const next = p.allowedActions.filter((a) => a in ACTION_LABELS && a !== 'donate' && a !== 'pledge').map((a) => ACTION_LABELS[a]);
        return (
          <View key={p.id} className='card tap' role='link' data-testid='org-project' onClick={() => go(`${CHARITY_ROUTES.manage}?id=${p.id}`)}>
            <View className='ch-head'>
              <Text className='card__title'>{p.title}</Text>
              <StatusTag tone={status.tone} text={status.label} />
            </View>
            <Text className='card__line'>已筹 {formatYuanText(p.raisedFen + p.matchedFen)} / 目标 {formatYuanText(p.goalFen)} · 已支出 {formatYuanText(p.spentFen)}</Text>
            {p.reportOverdue ? <StatusTag tone='danger' text='报告逾期：项目已暂停展示' /> : null}
            {p.nextReportDue && !p.reportOverdue ? <Text className='ch-muted'>下一份报告截止 {p.nextReportDue}</Text> : null}
            {p.returnReason && p.status === 'returned' ? <Text className='card__line'>退回原因：{p.returnReason}</Text> : null}
            {next.length ? <Text className='ch-muted'>可以：{next.join('、')}</Text> : null}
          </View>
        );
      })}
      {projects.data && list.length === 0 ? <EmptyState title='还没有项目' hint='新建一个项目，写明为谁募捐、预算怎么花，提交后由民政部门审核。' /> : null}
      <View className='bottom-actions'>
        <Button onClick={() => go(CHARITY_ROUTES.edit)}>新建项目</Button>
      </View>
    </PageShell>
  );
}
