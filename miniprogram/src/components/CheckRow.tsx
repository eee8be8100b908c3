import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  testId?: string;
  /** A tick on its way to the server: further taps wait (and assistive technology hears "busy"). */
  busy?: boolean;
}

/**
 * A tick box with its words, the one used everywhere: the whole row is the tap target (60 px in
 * 长辈模式), and to assistive technology it is a checkbox that says whether it is ticked.
 */
export function CheckRow({ checked, onChange, children, testId, busy = false }: Props) {
  return (
    <View
      className={busy ? 'check-row check-row--busy tap' : 'check-row tap'}
      role='checkbox'
      aria-checked={checked}
      aria-busy={busy}
      data-testid={testId}
      onClick={() => { if (!busy) onChange(!checked); }}
    >
      <View className={checked ? 'check-row__box check-row__box--on' : 'check-row__box'} aria-hidden='true'>
        <Text>{checked ? '✓' : ''}</Text>
      </View>
      <Text>{children}</Text>
    </View>
  );
}
