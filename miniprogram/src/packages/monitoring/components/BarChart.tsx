import { Text, View } from '@tarojs/components';
import { barPercent } from '../logic';

export interface Bar {
  key: string;
  label: string;
  count: number;
  /** A colour role of the bar (levels): red, orange, yellow; default the primary blue. */
  tone?: 'red' | 'orange' | 'yellow';
}

/**
 * A bar chart drawn with views (docs/decisions.md: no canvas chart library): each row is the label,
 * the bar, and the number as text, so a screen reader and 长辈模式 read the same figures. The bars
 * are decoration (aria-hidden); the row's label says it all.
 */
export function BarChart({ title, bars, unit = '条', testId }: { title: string; bars: Bar[]; unit?: string; testId?: string }) {
  const max = Math.max(0, ...bars.map((b) => b.count));
  return (
    <View className='card mon-chart' data-testid={testId}>
      <Text className='card__title'>{title}</Text>
      {bars.length === 0 ? <Text className='mon-muted'>暂无数据</Text> : null}
      {bars.map((b) => (
        <View key={b.key} className='mon-chart__row' aria-label={`${b.label} ${b.count} ${unit}`} data-testid='chart-row'>
          <Text className='mon-chart__label'>{b.label}</Text>
          <View className='mon-chart__track' aria-hidden='true'>
            <View className={b.tone ? `mon-chart__bar mon-chart__bar--${b.tone}` : 'mon-chart__bar'} style={{ width: `${barPercent(b.count, max)}%` }} />
          </View>
          <Text className='mon-chart__value' data-testid='chart-value'>{b.count}</Text>
        </View>
      ))}
    </View>
  );
}
