import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Icon } from '../../components/Icon';

const HOTLINES = [
  { number: '12345', label: '政务服务便民热线' },
  { number: '12349', label: '民政服务热线' },
] as const;

/** Tap to call: a tel: link on H5 (the phone's dialer), WeChat's makePhoneCall on weapp. */
function call(number: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = `tel:${number}`;
    return;
  }
  void Taro.makePhoneCall({ phoneNumber: number }).catch(() => undefined);
}

export function Hotlines() {
  return (
    <View className='list hotlines' data-testid='hotlines'>
      {HOTLINES.map((h) => (
        <View key={h.number} className='list__item list__item--row tap' role='link' aria-label={`拨打${h.label} ${h.number}`} onClick={() => call(h.number)}>
          <Icon name='phone' className='hotlines__icon' />
          <View className='list__text hotlines__text'>
            <Text className='list__title'>{h.number}</Text>
            <Text className='list__summary'>{h.label}</Text>
          </View>
          <Text className='hotlines__call'>拨打</Text>
        </View>
      ))}
    </View>
  );
}
