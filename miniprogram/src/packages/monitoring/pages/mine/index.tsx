import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { shanghaiDateTime } from '@dajiuzhu/shared/src/rules/date';
import { PageShell } from '../../../../components/PageShell';
import { EmptyState } from '../../../../components/EmptyState';
import { StatusTag } from '../../../../components/StatusTag';
import { Notice } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { monitoringApi } from '../../../../services/monitoring';
import { MONITORING_ROUTES } from '../../routes';
import '../../components/monitoring.scss';

const TONE = { received: 'warning', inProgress: 'primary', done: 'success' } as const;

/** 我的求助和报告: what the person sent, with its status only (never the details of whom it is about). */
export default function MyReportsPage() {
  const reports = useLoad(() => monitoringApi.myReports());
  const rows = reports.data?.reports ?? null;
  return (
    <PageShell className='mon-mine'>
      <Notice text={reports.error} error />
      {rows && rows.length === 0 ? (
        <EmptyState title='还没有求助或报告' hint='遇到困难可以一键求助；看到身边有人困难，可以随手拍。' action={{ label: '一键求助', onClick: () => Taro.navigateTo({ url: MONITORING_ROUTES.help }) }} />
      ) : null}
      <View className='list' data-testid='my-reports'>
        {(rows ?? []).map((r) => (
          <View key={r.id} className='list__item' data-testid='my-report'>
            <Text className='list__title'>{r.kind === 'helpRequest' ? '一键求助' : '随手拍'} · {shanghaiDateTime(r.createdAt)}</Text>
            <Text className='list__summary'>{r.text}</Text>
            <View className='mon-tags'><StatusTag tone={TONE[r.status]} text={r.statusLabel} /></View>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
