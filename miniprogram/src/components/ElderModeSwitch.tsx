import { Text, View } from '@tarojs/components';
import { setElderMode, useElderMode } from '../store/elderMode';

/** The 长辈模式 row of 我的: the whole row is the tap target. */
export function ElderModeSwitch() {
  const on = useElderMode();
  return (
    <View className='list__item list__item--row tap' role='switch' aria-checked={on} onClick={() => setElderMode(!on)}>
      <View className='list__text'>
        <Text className='list__title'>长辈模式</Text>
        <Text className='list__summary'>{on ? '已开启：字更大，按钮更大' : '已关闭'}</Text>
      </View>
      <View className={on ? 'toggle toggle--on' : 'toggle'}>
        <View className='toggle__knob' />
      </View>
    </View>
  );
}
