import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { qrMatrix } from './qrMatrix';
import './QrCode.scss';

/**
 * A QR code drawn as rows of views (dark modules black on white, a 4-module quiet zone), sized to
 * `sizePx` whatever the text: large enough to scan from an older person's phone held out at arm's
 * length. `label` is what a screen reader says instead of the pattern.
 */
export function QrCode({ text, sizePx = 240, label }: { text: string; sizePx?: number; label: string }) {
  const rows = useMemo(() => qrMatrix(text), [text]);
  const quiet = 4;
  const cell = Math.max(2, Math.floor(sizePx / (rows.length + 2 * quiet)));
  return (
    <View className='qr' style={{ padding: `${cell * quiet}px` }} role='img' aria-label={label} data-testid='qr-code'>
      {rows.map((row, r) => (
        <View key={r} className='qr__row' aria-hidden='true'>
          {row.map((dark, c) => <View key={c} className={dark ? 'qr__cell qr__cell--dark' : 'qr__cell'} style={{ width: `${cell}px`, height: `${cell}px` }} />)}
        </View>
      ))}
    </View>
  );
}
