import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ServiceEntry } from '../../services/catalog';
import { Icon, type IconName } from '../../components/Icon';

const ICON_OF: Record<string, IconName> = {
  charity: 'donorHelp', apply: 'apply', estimate: 'estimate', progress: 'progress', happinessList: 'happiness', wish: 'wish', donorHelp: 'donorHelp', staffDesk: 'staffDesk', helpRequest: 'phone', hardshipReport: 'monitoring',
};

export type GridEntry = Pick<ServiceEntry, 'title' | 'url'> & { key: string };

/** The services as tiles with an icon and a name (two a row; one a row in 长辈模式). */
export function ServiceGrid({ services }: { services: GridEntry[] }) {
  return (
    <View className='grid service-grid' data-testid='services'>
      {services.map((s) => (
        <View key={s.key} className='grid__item service-tile tap' role='link' onClick={() => Taro.navigateTo({ url: s.url })}>
          <Icon name={ICON_OF[s.key] ?? 'apply'} className='service-tile__icon' />
          <Text className='grid__title'>{s.title}</Text>
        </View>
      ))}
    </View>
  );
}
