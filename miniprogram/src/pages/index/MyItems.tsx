import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WISH_STATUS_LABELS } from '@dajiuzhu/shared/src/wishes/machine';
import type { ResidentHall } from '../../services/home';
import { StatusTag, toneOfStatus } from '../../components/StatusTag';
import { EmptyState } from '../../components/EmptyState';
import { ROUTES } from '../../routes';

const go = (url: string) => Taro.navigateTo({ url });

/** The person's own things first: a case being handled, this year's 幸福清单, a wish. */
export function MyItems({ hall, signedIn, quietWhenEmpty = false }: { hall: ResidentHall | null; signedIn: boolean; quietWhenEmpty?: boolean }) {
  if (!signedIn || !hall) return null;
  const { caseInProgress: c, happinessYear, wish } = hall;
  if (!c && !happinessYear && !wish) {
    if (quietWhenEmpty) return null;
    return (
      <EmptyState
        title='您还没有在办的事项'
        hint='可以先做一次政策测算，看看能享受哪些救助，再在线申请。'
        action={{ label: '去政策测算', onClick: () => go('/packages/assistance/pages/estimate/index') }}
      />
    );
  }
  return (
    <View className='list my-items' data-testid='my-items'>
      <Text className='list__item my-items__head'>我的事项</Text>
      {c ? (
        <View className='list__item tap' role='link' onClick={() => go(`/packages/assistance/pages/detail/index?id=${c.id}`)}>
          <Text className='list__title'>{c.programmeName}</Text>
          <View className='my-items__line'>
            <StatusTag tone={toneOfStatus(c.status)} text={c.statusLabel} />
            {c.overdue ? <StatusTag tone='danger' text='已超期' /> : null}
          </View>
          {c.nextStep ? <Text className='list__summary'>下一步：{c.nextStep}</Text> : null}
        </View>
      ) : null}
      {happinessYear ? (
        <View className='list__item tap' role='link' onClick={() => go(`${ROUTES.happiness}?year=${happinessYear}`)}>
          <Text className='list__title'>{happinessYear}年幸福清单</Text>
          <Text className='list__summary'>已发布，查看今年领取的每一项救助</Text>
        </View>
      ) : null}
      {wish ? (
        <View className='list__item tap' role='link' onClick={() => go('/packages/wish/pages/mine/index')}>
          <Text className='list__title'>微心愿：{wish.title}</Text>
          <View className='my-items__line'>
            <StatusTag tone={wish.status === 'claimed' || wish.status === 'delivered' ? 'primary' : 'warning'} text={WISH_STATUS_LABELS[wish.status] ?? wish.status} />
          </View>
        </View>
      ) : null}
    </View>
  );
}
