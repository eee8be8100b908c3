import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Notice } from '../../components/Notice';
import { servicesFor } from '../../services/catalog';
import { useSession } from '../../store/session';

export default function HomePage() {
  const session = useSession();
  const services = servicesFor(session.user?.roles);
  return (
    <PageShell className='home'>
      <View className='hero'>
        <Text className='hero__title'>大救助</Text>
        <Text className='hero__subtitle'>社会救助 · 一站办理</Text>
      </View>
      <View className='grid' aria-label='服务'>
        {services.map((s) => (
          <View key={s.key} className='grid__item tap' onClick={() => Taro.navigateTo({ url: s.url })}>
            <Text className='grid__title'>{s.title}</Text>
          </View>
        ))}
      </View>
      {session.status === 'signedOut' ? <Notice text={session.error} error /> : null}
    </PageShell>
  );
}
