import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ALERT_LEVEL_LABELS, MONITORED_GROUP_LABELS } from '@dajiuzhu/shared/src/monitoring';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';
import { shanghaiDate, shanghaiDateTime } from '@dajiuzhu/shared/src/rules/date';
import { formatYuan } from '@dajiuzhu/shared/src/money';
import { PageShell } from '../../../../components/PageShell';
import { StatusTag } from '../../../../components/StatusTag';
import { Loading } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { monitoringApi } from '../../../../services/monitoring';
import { Evidence } from '../../components/Evidence';
import { VisitList } from '../../components/VisitList';
import { AlertActions } from '../../components/AlertActions';
import { LEVEL_TONE, deadlineWords } from '../../logic';
import '../../components/monitoring.scss';

/** 预警详情 (staff): evidence, level, deadline, what was found on the visits, and only the actions allowed now. */
export default function AlertPage() {
  const id = useRouter().params.id ?? '';
  const alert = useLoad(() => monitoringApi.alert(id), [id]);
  const a = alert.data;
  if (!a) return <PageShell><Loading error={alert.error} /></PageShell>;
  const s = a.situation;

  return (
    <PageShell className='mon-alert'>
      <View className='card' data-testid='alert-head'>
        <Text className='card__title'>{a.subject.nameMasked}（{a.subject.idNumberMasked}）</Text>
        <View className='mon-tags'>
          <StatusTag tone={LEVEL_TONE[a.level]} text={ALERT_LEVEL_LABELS[a.level]} testId='alert-level' />
          <StatusTag tone={a.status === 'closed' ? 'success' : 'primary'} text={a.statusLabel} testId='alert-status' />
          {a.overdue ? <StatusTag tone='danger' text='已超期' /> : null}
        </View>
        <Text>{a.ruleName}</Text>
        <Text className='mon-muted'>{regionName(a.regionCode)}</Text>
        <Text className={a.overdue ? 'mon-muted mon-deadline--overdue' : 'mon-muted'}>
          处置期限 {a.deadline}{a.status === 'closed' ? '' : `（${deadlineWords(a.deadline, shanghaiDate(), a.overdue)}）`}
        </Text>
        {a.assignee ? <Text className='mon-muted' data-testid='alert-assignee'>核查人：{a.assignee.name}（{a.assignee.role === 'gridWorker' ? '网格员' : '工作人员'} · {regionName(a.assignee.regionCode)}）</Text> : null}
        {s.group || s.householdSize || s.householdIncomeFen !== null ? (
          <Text className='mon-muted'>
            {[s.group ? MONITORED_GROUP_LABELS[s.group] : '', s.householdSize ? `家庭 ${s.householdSize} 人` : '', s.householdIncomeFen !== null ? `家庭月收入 ${formatYuan(s.householdIncomeFen)} 元` : ''].filter(Boolean).join(' · ')}
          </Text>
        ) : null}
      </View>
      {a.report ? (
        <View className='card' data-testid='report'>
          <Text className='card__title'>{a.origin === 'helpRequest' ? '本人求助' : '群众随手拍'}</Text>
          <Text>{a.report.text}</Text>
          {a.report.address ? <Text className='mon-muted'>位置：{a.report.address}</Text> : null}
          {a.report.photoFileIds.length ? <Text className='mon-muted'>照片 {a.report.photoFileIds.length} 张</Text> : null}
        </View>
      ) : (
        <Evidence alert={a} />
      )}
      <VisitList visits={a.visits} />
      <AlertActions alert={a} onChanged={(next) => alert.setData(next)} />
      {a.timeline.length ? (
        <View className='card' data-testid='timeline'>
          <Text className='card__title'>处置记录</Text>
          {a.timeline.map((t, i) => (
            <Text key={i} className='mon-evidence__item'>{shanghaiDateTime(t.at)} · {t.label}{t.note ? `：${t.note}` : ''}</Text>
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}
