import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ALERT_LEVELS, ALERT_LEVEL_LABELS } from '@dajiuzhu/shared/src/monitoring';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { PageShell } from '../../../../components/PageShell';
import { Chips, type Choice } from '../../../../components/Chips';
import { EmptyState } from '../../../../components/EmptyState';
import { Notice } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { monitoringApi, type AlertFilter } from '../../../../services/monitoring';
import { AlertRow } from '../../components/AlertRow';
import { MONITORING_ROUTES } from '../../routes';
import { QUEUE_VIEWS, SOURCE_FILTERS, filterOfView, type QueueView } from '../../filters';
import '../../components/monitoring.scss';

const LEVEL_CHOICES: Choice<AlertFilter['level']>[] = ALERT_LEVELS.map((l) => ({ value: l, label: ALERT_LEVEL_LABELS[l] }));

/**
 * 预警处置: the region's alerts, red first then by deadline. The queue views come first (待分派 …);
 * level and source are folded under 更多筛选, so the list starts high on the screen.
 */
export default function AlertDeskPage() {
  const [view, setView] = useState<QueueView>('open');
  const [more, setMore] = useState(false);
  const [level, setLevel] = useState<AlertFilter['level']>();
  const [source, setSource] = useState<string | undefined>();
  const filter: AlertFilter = { ...filterOfView(view), level, source, limit: 100 };
  const alerts = useLoad(() => monitoringApi.alerts(filter), [view, level, source]);
  const rows = alerts.data?.alerts ?? null;
  const today = shanghaiDate();
  const extra = [level ? ALERT_LEVEL_LABELS[level] : '', source ? SOURCE_FILTERS.find((s) => s.value === source)?.label ?? '' : ''].filter(Boolean).join('、');

  return (
    <PageShell className='mon-alerts'>
      <Chips options={QUEUE_VIEWS} value={view} onChange={(v) => v && setView(v)} testId='queue-views' />
      <View className='mon-filter__more tap' role='button' aria-expanded={more} onClick={() => setMore(!more)}>
        <Text>{more ? '收起筛选 ▲' : `更多筛选${extra ? `（${extra}）` : ''} ▼`}</Text>
      </View>
      {more ? (
        <View className='card' data-testid='more-filters'>
          <Text className='mon-filter__label'>预警等级</Text>
          <Chips options={LEVEL_CHOICES} value={level} allowNone onChange={setLevel} testId='level-filter' />
          <Text className='mon-filter__label'>数据来源</Text>
          <Chips options={SOURCE_FILTERS} value={source} allowNone onChange={setSource} testId='source-filter' />
        </View>
      ) : null}
      <Notice text={alerts.error} error />
      {rows && rows.length === 0 ? <EmptyState title='没有符合条件的预警' hint='换一个筛选条件看看，或导入部门数据。' action={{ label: '导入部门数据', onClick: () => Taro.navigateTo({ url: MONITORING_ROUTES.import }) }} /> : null}
      <View className='list' data-testid='alert-list'>
        {(rows ?? []).map((a) => <AlertRow key={a.id} alert={a} today={today} showAssignee onOpen={() => Taro.navigateTo({ url: `${MONITORING_ROUTES.alert}?id=${a.id}` })} />)}
      </View>
    </PageShell>
  );
}
