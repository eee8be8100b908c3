import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { AlertDetailView } from '@dajiuzhu/shared';
import { ALERT_LEVEL_LABELS, MONITORED_GROUP_LABELS } from '@dajiuzhu/shared/src/monitoring';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { PageShell } from '../../../../components/PageShell';
import { StatusTag } from '../../../../components/StatusTag';
import { Loading } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { monitoringApi } from '../../../../services/monitoring';
import { Evidence } from '../../components/Evidence';
import { VisitFormCard } from '../../components/VisitFormCard';
import { VisitList } from '../../components/VisitList';
import { LEVEL_TONE, deadlineWords } from '../../logic';
import '../../components/monitoring.scss';

/** 入户核查: the task (who, why, by when), the household as the data shows it, and the visit form. */
export default function TaskPage() {
  const id = useRouter().params.id ?? '';
  const task = useLoad(() => monitoringApi.task(id), [id]);
  const [done, setDone] = useState<AlertDetailView | null>(null);
  const a = task.data;
  if (!a) return <PageShell><Loading error={task.error} /></PageShell>;
  const today = shanghaiDate();

  return (
    <PageShell className='mon-task'>
      <View className='card' data-testid='task-head'>
        <Text className='card__title'>{a.subject.nameMasked}（{a.subject.idNumberMasked}）</Text>
        <View className='mon-tags'>
          <StatusTag tone={LEVEL_TONE[a.level]} text={ALERT_LEVEL_LABELS[a.level]} />
          <StatusTag tone='primary' text={a.statusLabel} testId='task-status' />
          {a.overdue ? <StatusTag tone='danger' text='已超期' /> : null}
        </View>
        <Text>{a.ruleName}</Text>
        <Text className='mon-muted'>{regionName(a.regionCode)} · 期限 {a.deadline}（{deadlineWords(a.deadline, today, a.overdue)}）</Text>
        {a.situation.group ? <Text className='mon-muted'>监测类别：{MONITORED_GROUP_LABELS[a.situation.group]}</Text> : null}
      </View>
      {a.report ? (
        <View className='card'>
          <Text className='card__title'>群众反映</Text>
          <Text>{a.report.text}</Text>
          <Text className='mon-muted'>位置：{a.report.address}</Text>
        </View>
      ) : (
        <Evidence alert={a} />
      )}
      <VisitList visits={a.visits} />
      {done ? (
        <View className='card' data-testid='visit-done'>
          <Text className='card__title'>核查结果已登记</Text>
          <Text>{done.statusLabel}</Text>
          {done.visits[done.visits.length - 1]?.outcome.applicationId ? (
            <Text data-testid='application-started'>已为本人发起申请，等待乡镇（街道）受理（申请编号 {done.visits[done.visits.length - 1].outcome.applicationId}）</Text>
          ) : null}
        </View>
      ) : null}
      {a.allowedActions.includes('recordVisit') ? (
        <VisitFormCard
          key={a.visits.length}
          alert={a}
          submit={(body) => monitoringApi.recordVisit(a.id, body)}
          onDone={(next) => {
            setDone(next);
            task.setData(next);
            Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
          }}
        />
      ) : null}
    </PageShell>
  );
}
