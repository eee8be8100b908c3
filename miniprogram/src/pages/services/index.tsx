import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { Icon, type IconName } from '../../components/Icon';
import { servicesFor, type ServiceEntry } from '../../services/catalog';
import { useSession } from '../../store/session';

const ICON_OF: Record<ServiceEntry['key'], IconName> = {
  apply: 'apply', estimate: 'estimate', progress: 'progress', happinessList: 'happiness', wish: 'wish', donorHelp: 'donorHelp', charity: 'donorHelp', staffDesk: 'staffDesk', helpRequest: 'phone', hardshipReport: 'monitoring',
};

export default function ServicesPage() {
  const { user } = useSession();
  return (
    <PageShell className='services'>
      <View className='list'>
        {servicesFor(user?.roles).map((s) => (
          <View key={s.key} className='list__item list__item--row tap' role='link' onClick={() => Taro.navigateTo({ url: s.url })}>
            <Icon name={ICON_OF[s.key] ?? 'apply'} className='services__icon' />
            <View className='list__text services__text'>
              <Text className='list__title'>{s.title}</Text>
              <Text className='list__summary'>{s.summary}</Text>
            </View>
            <Text aria-hidden='true'>›</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
