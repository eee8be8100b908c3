import { Text, View } from '@tarojs/components';

export { CheckRow } from '../../../components/CheckRow';

/** One choice out of a list too long or too wordy for chips (assignees): rows in a card. */
export function RadioList<T extends string>({ options, value, onChange, testId }: { options: { value: T; label: string }[]; value: T | undefined; onChange: (v: T) => void; testId?: string }) {
  return (
    <View className='list' role='radiogroup' data-testid={testId}>
      {options.map((o) => {
        const on = o.value === value;
        return (
          <View key={o.value} className={on ? 'mon-radio mon-radio--on tap' : 'mon-radio tap'} role='radio' aria-checked={on} onClick={() => onChange(o.value)}>
            <Text className='mon-radio__mark' aria-hidden='true'>{on ? '●' : '○'}</Text>
            <Text>{o.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
