import { Text, View } from '@tarojs/components';

export interface Choice<T> {
  value: T;
  label: string;
}

/** A label table (`{ wage: '工资收入', … }`) as choices, in the table's order. */
export function choicesOf<K extends string>(labels: Record<K, string>): Choice<K>[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

interface Props<T> {
  options: readonly Choice<T>[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  /** Tapping the chosen chip again clears the choice (onChange(undefined)). */
  allowNone?: boolean;
  /** Extra class on the row, e.g. 'chips--wrap'. */
  className?: string;
  testId?: string;
}

/** One choice out of a few, as large tap targets in a row that wraps (a radio group). */
export function Chips<T extends string | number | boolean | undefined>({ options, value, onChange, allowNone, className, testId }: Props<T>) {
  return (
    <View className={['chips', className].filter(Boolean).join(' ')} role='radiogroup' data-testid={testId}>
      {options.map((o) => {
        const on = value === o.value;
        return (
          <View
            key={String(o.value)}
            className={on ? 'chip chip--on tap' : 'chip tap'}
            role='radio'
            aria-checked={on}
            onClick={() => onChange(on && allowNone ? undefined : o.value)}
          >
            <Text>{o.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
