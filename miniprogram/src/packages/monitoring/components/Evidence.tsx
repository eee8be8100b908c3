import { Text, View } from '@tarojs/components';
import type { AlertDetailView } from '@dajiuzhu/shared';
import { formatYuan } from '@dajiuzhu/shared/src/money';

/** 预警依据: which data, which amounts, against which threshold. */
export function Evidence({ alert }: { alert: AlertDetailView }) {
  const e = alert.evidence;
  return (
    <View className='card' data-testid='evidence'>
      <Text className='card__title'>预警依据</Text>
      <Text>{e.summary}</Text>
      {e.measuredFen !== null || e.sharePercent !== null ? (
        <View className='mon-evidence__figures'>
          {e.measuredFen !== null ? (
            <View className='mon-evidence__figure'>
              <Text className='mon-muted'>数据金额</Text>
              <Text className='mon-evidence__value' data-testid='evidence-measured'>{formatYuan(e.measuredFen)} 元</Text>
            </View>
          ) : null}
          {e.thresholdFen !== null ? (
            <View className='mon-evidence__figure'>
              <Text className='mon-muted'>预警线</Text>
              <Text className='mon-evidence__value' data-testid='evidence-threshold'>{formatYuan(e.thresholdFen)} 元</Text>
            </View>
          ) : null}
          {e.sharePercent !== null ? (
            <View className='mon-evidence__figure'>
              <Text className='mon-muted'>占家庭收入</Text>
              <Text className='mon-evidence__value'>{e.sharePercent}%{e.thresholdPercent !== null ? `（线 ${e.thresholdPercent}%）` : ''}</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {e.items.map((item, i) => (
        <Text key={i} className='mon-evidence__item'>
          {item.date} · {item.kindLabel}
          {item.amountFen !== null ? ` · ${formatYuan(item.amountFen)} 元` : ''}
          {item.grade !== null ? ` · ${item.grade} 级` : ''}
          {item.text ? ` · ${item.text}` : ''}
        </Text>
      ))}
      <Text className='mon-muted'>来源：{alert.sourceName} · 期间 {alert.period}</Text>
    </View>
  );
}
