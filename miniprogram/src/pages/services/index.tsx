import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { servicesFor } from '../../services/catalog';
import { useSession } from '../../store/session';

export default function ServicesPage() {
  const { user } = useSession();
  return (
    <PageShell className='services'>
      <View className='list'>
        {servicesFor(user?.roles).map((s) => (
          <View key={s.key} className='list__item tap' onClick={() => Taro.navigateTo({ url: s.url })}>
            <Text className='list__title'>{s.title}</Text>
            <Text className='list__summary'>{s.summary}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
