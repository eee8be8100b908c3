import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { EmptyState } from '../../../../components/EmptyState';
import { Notice } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { monitoringApi } from '../../../../services/monitoring';
import { useSession } from '../../../../store/session';
import { AlertRow } from '../../components/AlertRow';
import { MONITORING_ROUTES } from '../../routes';
import { sortTasks } from '../../logic';
import '../../components/monitoring.scss';

const go = (url: string) => Taro.navigateTo({ url });

/**
 * 监测预警: the grid worker's home (own tasks, red first then by deadline, overdue marked; the big
 * buttons at the bottom, under the thumb) and, for staff, the way to the alert desk, imports and the
 * dashboard, with any alerts assigned to themselves.
 */
export default function MonitoringDeskPage() {
  const { user } = useSession();
  const roles: string[] = user?.roles ?? [];
  const isStaff = roles.includes('staff');
  const isWorker = roles.includes('gridWorker');
  const county = user?.staff?.level === 'county';
  const today = shanghaiDate();
  const tasks = useLoad(() => monitoringApi.tasks(), [user?.id], { enabled: isStaff || isWorker });
  const list = sortTasks(tasks.data?.tasks ?? []);
  const region = user?.gridWorker?.regionCode ?? user?.staff?.regionCode;

  return (
    <PageShell className='mon-desk'>
      {region ? <Text className='mon-muted'>{isWorker ? '网格员' : '工作人员'} · {regionName(region)}</Text> : null}
      {!isStaff && !isWorker ? <EmptyState title='这里是网格员和工作人员的工作台' hint='如需帮助，请使用首页的一键求助或随手拍。' /> : null}

      {isStaff ? (
        <View className='list' data-testid='staff-links'>
          <View className='list__item list__item--row tap' role='link' onClick={() => go(MONITORING_ROUTES.alerts)}>
            <View className='list__text'><Text className='list__title'>预警处置</Text><Text className='list__summary'>分派、确认、退回、办结</Text></View>
            <Text aria-hidden='true'>›</Text>
          </View>
          <View className='list__item list__item--row tap' role='link' onClick={() => go(MONITORING_ROUTES.import)}>
            <View className='list__text'><Text className='list__title'>导入部门数据</Text><Text className='list__summary'>医保、残联、人社、公安、教育等</Text></View>
            <Text aria-hidden='true'>›</Text>
          </View>
          {county ? (
            <View className='list__item list__item--row tap' role='link' onClick={() => go(MONITORING_ROUTES.dashboard)}>
              <View className='list__text'><Text className='list__title'>监测看板</Text><Text className='list__summary'>按等级、来源、乡镇、状态统计</Text></View>
              <Text aria-hidden='true'>›</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {isStaff || isWorker ? (
        <>
          <Text className='section-title'>我的核查任务（{list.length}）</Text>
          <Notice text={tasks.error} error />
          {tasks.data && list.length === 0 ? <EmptyState title='暂时没有待核查的任务' hint='新分派的任务会出现在这里。' /> : null}
          <View className='list' data-testid='task-list'>
            {list.map((t) => <AlertRow key={t.id} alert={t} today={today} onOpen={() => go(`${MONITORING_ROUTES.task}?id=${t.id}`)} />)}
          </View>
        </>
      ) : null}

      {isWorker ? (
        <View className='mon-bottom mon-bottom--fixed'>
          {list.length > 0 ? <Button onClick={() => go(`${MONITORING_ROUTES.task}?id=${list[0].id}`)}>走访最急的一户</Button> : null}
          <Button variant='secondary' onClick={() => go(MONITORING_ROUTES.report)}>随手拍上报</Button>
        </View>
      ) : null}
    </PageShell>
  );
}
