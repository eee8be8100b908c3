import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RecheckView } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { Chips } from '../../../../components/Chips';
import { EmptyState } from '../../../../components/EmptyState';
import { Notice } from '../../../../components/Notice';
import { StatusTag } from '../../../../components/StatusTag';
import { useLoad } from '../../../../components/hooks';
import { recheckApi } from '../../../../services/recheck';
import { RECHECK_ROUTES } from '../../routes';

type Filter = 'open' | 'overdue' | 'noticing' | 'closed';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'open', label: '办理中' }, { value: 'overdue', label: '已超期' }, { value: 'noticing', label: '退出公示中' }, { value: 'closed', label: '已办结' },
];
const query = (f: Filter) => (f === 'open' ? {} : f === 'overdue' ? { overdue: true } : { status: f as RecheckView['status'] });

/** 复核任务 (staff): the region's rechecks by deadline, overdue ones marked. */
export default function RecheckDeskPage() {
  const [filter, setFilter] = useState<Filter>('open');
  const queue = useLoad(() => recheckApi.queue(query(filter)), [filter]);
  const rows = queue.data?.rechecks ?? null;
  return (
    <PageShell className='recheck-desk'>
      {queue.data ? <Text className='list__summary'>办理中 {queue.data.counts.open} 件，已超期 {queue.data.counts.overdue} 件</Text> : null}
      <Chips options={FILTERS} value={filter} onChange={(v) => setFilter(v ?? 'open')} />
      <Notice text={queue.error} error />
      {rows && rows.length === 0 ? <EmptyState title='没有复核任务' /> : null}
      <View className='list' data-testid='rechecks'>
        {(rows ?? []).map((r) => (
          <View key={r.id} className='list__item' data-testid='recheck' onClick={() => Taro.navigateTo({ url: `${RECHECK_ROUTES.case}?id=${encodeURIComponent(r.id)}` })}>
            <Text className='list__title'>{r.beneficiaryName} · {r.programmeName}</Text>
            <Text className='list__summary'>{r.triggerLabel} · 期限 {r.deadline}</Text>
            <StatusTag tone={r.overdue ? 'danger' : r.status === 'closed' ? 'success' : 'primary'} text={r.overdue ? `${r.statusLabel}（超期）` : r.statusLabel} />
          </View>
        ))}
      </View>
    </PageShell>
  );
}
