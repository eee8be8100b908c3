import { Text, View } from '@tarojs/components';
import { regionName, regionShortName } from '@dajiuzhu/shared/src/rules/regionNames';
import { PageShell } from '../../../../components/PageShell';
import { Loading } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { monitoringApi } from '../../../../services/monitoring';
import { BarChart } from '../../components/BarChart';
import { discoveryWords } from '../../dashboardText';
import '../../components/monitoring.scss';

function Kpi({ label, value, danger, testId }: { label: string; value: string | number; danger?: boolean; testId: string }) {
  return (
    <View className='mon-kpi' data-testid={testId}>
      <Text className={danger ? 'mon-kpi__value mon-kpi__value--danger' : 'mon-kpi__value'}>{value}</Text>
      <Text>{label}</Text>
    </View>
  );
}

/**
 * 监测看板 (county staff): the counts first as figures, then one bar chart each for level, source,
 * township and status — bars drawn with views, every number also as text.
 */
export default function DashboardPage() {
  const board = useLoad(() => monitoringApi.dashboard());
  const d = board.data;
  if (!d) return <PageShell><Loading error={board.error} /></PageShell>;
  return (
    <PageShell className='mon-dashboard'>
      <Text className='mon-muted'>{regionName(d.regionCode)} · 截至 {d.asOf}</Text>
      <View className='mon-kpis'>
        <Kpi label='预警总数' value={d.total} testId='kpi-total' />
        <Kpi label='未办结' value={d.open} testId='kpi-open' />
        <Kpi label='已超期' value={d.overdue} danger={d.overdue > 0} testId='kpi-overdue' />
        <Kpi label='办结用时中位数' value={d.medianDaysToClose === null ? '—' : `${d.medianDaysToClose} 天`} testId='kpi-median' />
      </View>
      <View className='card' data-testid='discovery'>
        <Text className='card__title'>主动发现</Text>
        <Text>{discoveryWords(d)}</Text>
      </View>
      <BarChart
        title='新纳入救助：主动发现与本人申请'
        unit='人'
        testId='chart-discovery'
        bars={[{ key: 'discovery', label: '主动发现', count: d.enrolledThroughDiscovery }, { key: 'applications', label: '本人申请', count: d.enrolledThroughApplications }]}
      />
      <BarChart title='按预警等级' testId='chart-level' bars={d.byLevel.map((l) => ({ key: l.level, label: l.label, count: l.count, tone: l.level }))} />
      <BarChart title='按处置状态' testId='chart-status' bars={d.byStatus.map((s) => ({ key: s.status, label: s.label, count: s.count }))} />
      <BarChart title='按数据来源' testId='chart-source' bars={d.bySource.map((s) => ({ key: s.source, label: s.label, count: s.count }))} />
      <BarChart title='按乡镇（街道）：未办结' testId='chart-township' bars={d.byTownship.map((t) => ({ key: t.regionCode, label: `${regionShortName(t.regionCode)}${t.overdue ? `（超期 ${t.overdue}）` : ''}`, count: t.open }))} />
    </PageShell>
  );
}
