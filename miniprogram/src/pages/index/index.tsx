import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { maskName } from '@dajiuzhu/shared/src/rules/masking';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { PageShell } from '../../components/PageShell';
import { Notice } from '../../components/Notice';
import { useLoad } from '../../components/hooks';
import { useIdentity } from '../../components/useIdentity';
import { servicesFor } from '../../services/catalog';
import { loadResidentHall } from '../../services/home';
import { useSession } from '../../store/session';
import { useElderMode } from '../../store/elderMode';
import { ServiceGrid, type GridEntry } from './ServiceGrid';
import { Hotlines } from './Hotlines';
import { Desks } from './Desks';
import { MyItems } from './MyItems';
import './index.scss';

const go = (url: string) => Taro.navigateTo({ url });

/** 首页 as a service hall: the person's own desk or items first, then services, notices, hotlines. */
export default function HomePage() {
  const session = useSession();
  const { user } = session;
  const identity = useIdentity();
  const elder = useElderMode();
  const roles: string[] = user?.roles ?? [];
  const today = shanghaiDate();
  const hall = useLoad(
    () => loadResidentHall({ verified: identity.verified, regionCode: user?.profile?.regionCode, year: Number(today.slice(0, 4)) }),
    [user?.id, identity.verified],
    { enabled: session.status === 'signedIn' },
  );
  const name = user?.profile?.name;
  const services: GridEntry[] = servicesFor(user?.roles).filter((s) => s.key !== 'staffDesk');
  const onDesk = roles.some((r) => r === 'staff' || r === 'admin' || r === 'gridWorker' || r === 'charity' || r === 'donor');

  return (
    <PageShell className='home' title='大救助 · 服务大厅'>
      <View className='hero'>
        <Text className='hero__title' data-testid='greeting'>{name ? `您好，${maskName(name)}` : '您好'}</Text>
        <Text className='hero__subtitle'>社会救助 · 一站办理 · {today}</Text>
        {hall.data && hall.data.unread > 0 ? (
          <View className='hero__messages tap' role='link' onClick={() => go('/packages/assistance/pages/messages/index')}>
            <Text>您有 {hall.data.unread} 条未读消息 ›</Text>
          </View>
        ) : null}
      </View>

      {onDesk ? <Desks roles={roles} /> : null}

      {/* People at a desk see their own items only when they have some (no "start here" card). */}
      <MyItems hall={hall.data} signedIn={!!user} quietWhenEmpty={onDesk} />

      <Text className='section-title home__section'>办事服务</Text>
      <ServiceGrid services={elder ? services.slice(0, 4) : services} />
      {elder && services.length > 4 ? (
        <View className='link tap' role='link' onClick={() => Taro.switchTab({ url: '/pages/services/index' })}>
          <Text>全部服务 ›</Text>
        </View>
      ) : null}

      <Text className='section-title home__section'>公示公告</Text>
      <View className='list' data-testid='home-notices'>
        {(hall.data?.notices ?? []).map((n) => (
          <View key={n.id} className='list__item tap' role='link' onClick={() => go(`/packages/assistance/pages/notices/index?regionCode=${n.regionCode}`)}>
            <Text className='list__title'>{n.programmeName} · {n.nameMasked}（{n.householdSize} 人）</Text>
            <Text className='list__summary'>公示期 {n.startsOn} 至 {n.endsOn}</Text>
          </View>
        ))}
        <View className='list__item list__item--row tap' role='link' onClick={() => go('/packages/assistance/pages/notices/index')}>
          <Text className='list__title'>{hall.data?.notices.length ? '查看全部公示' : '暂无正在进行的公示，查看公示栏'}</Text>
          <Text aria-hidden='true'>›</Text>
        </View>
      </View>

      <Hotlines />
      {session.status === 'signedOut' ? <Notice text={session.error} error /> : null}
    </PageShell>
  );
}
