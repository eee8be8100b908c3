import { Text, View } from '@tarojs/components';

/** A tick box with its words: the whole row is the tap target. */
export function CheckRow({ checked, onChange, children, testId }: { checked: boolean; onChange: (v: boolean) => void; children: string; testId?: string }) {
  return (
    <View className='mon-check tap' role='checkbox' aria-checked={checked} data-testid={testId} onClick={() => onChange(!checked)}>
      <View className={checked ? 'mon-check__box mon-check__box--on' : 'mon-check__box'} aria-hidden='true'>
        <Text>{checked ? '✓' : ''}</Text>
      </View>
      <Text>{children}</Text>
    </View>
  );
}

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
