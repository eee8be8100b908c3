import { Input, Text, View } from '@tarojs/components';
import { isRegionCode } from '@dajiuzhu/shared/src/rules/region';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';

/**
 * A region by its GB/T 2260 code, with the name read back as it is typed, so the admin sees
 * "德州市德城区新华街道" before binding anyone to 371402001.
 */
export function RegionField({ label, value, onChange, placeholder, testId }: { label: string; value: string; onChange: (v: string) => void; placeholder: string; testId?: string }) {
  const code = value.trim();
  const known = code && isRegionCode(code) ? regionName(code) : '';
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Input className='field__input' type='number' maxlength={12} placeholder={placeholder} value={value} aria-label={label} data-testid={testId} onInput={(e) => onChange(e.detail.value)} />
      {code ? <Text className={known ? 'admin-hint' : 'field__error'}>{known ? (known === code ? '代码格式正确，名称未收录' : known) : '行政区划代码为 6、9 或 12 位数字'}</Text> : null}
    </View>
  );
}
