import { Text, View } from '@tarojs/components';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { PageShell } from '../../../../components/PageShell';
import { EmptyState } from '../../../../components/EmptyState';
import { Notice } from '../../../../components/Notice';
import { StatusTag } from '../../../../components/StatusTag';
import { useLoad } from '../../../../components/hooks';
import { cardApi } from '../../../../services/card';

/** 免审秒办清单 (staff): the disability subsidies granted from 残联 data in the region, without an application. */
export default function GrantsPage() {
  const list = useLoad(() => cardApi.staffGrants());
  return (
    <PageShell className='auto-grants'>
      <Notice text={list.error} error />
      {list.data && list.data.grants.length === 0 ? <EmptyState title='暂无免审办理的补贴' /> : null}
      <View className='list' data-testid='staff-grants'>
        {(list.data?.grants ?? []).map((g) => (
          <View key={g.id} className='list__item' data-testid='staff-grant'>
            <Text className='list__title'>{g.nameMasked} · {g.programmeName}</Text>
            <Text className='list__summary'>每月 {formatYuanText(g.monthlyAmountFen)}，{g.startMonth} 起 · {g.basis}</Text>
            <StatusTag tone={g.status === 'active' ? 'success' : 'neutral'} text={g.status === 'active' ? '发放中' : '已放弃或停止'} />
          </View>
        ))}
      </View>
    </PageShell>
  );
}
