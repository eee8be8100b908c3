import { Text, View } from '@tarojs/components';
import type { WishCounts } from '@dajiuzhu/shared';

const LABELS: [keyof WishCounts, string][] = [['collected', '征集'], ['open', '待认领'], ['claimed', '已认领'], ['fulfilled', '已实现'], ['lapsed', '超时']];

export function CountsGrid({ counts }: { counts: WishCounts }) {
  return (
    <View className='wish-numbers'>
      {LABELS.map(([key, label]) => (
        <View key={key} className={`wish-numbers__item wish-numbers__item--${key}`}>
          <Text className='wish-numbers__value'>{counts[key]}</Text>
          <Text>{label}</Text>
        </View>
      ))}
    </View>
  );
}
