import { Text, View } from '@tarojs/components';

interface Props {
  /** What to choose, in words: the visible label and the input's accessible name. */
  label: string;
  /** The chosen file's name, shown in place of the label once chosen. */
  chosen?: string | null;
  accept?: string;
  testId?: string;
  onChange: (file: File | null) => void;
}

/**
 * H5: a file picker that is a labelled, full-size tap target — never the browser's bare "Choose
 * File" (English, 29px, no label). The native input covers the visible box, transparent, so a tap
 * anywhere opens the picker and assistive technology reads `label`. weapp has no file input: use
 * services/files.ts pickFile behind a Button there.
 */
export function FileInput({ label, chosen, accept, testId, onChange }: Props) {
  return (
    <View className='file-input tap'>
      <Text className='file-input__text' aria-hidden='true'>{chosen || label}</Text>
      <input
        className='file-input__native'
        type='file'
        accept={accept}
        aria-label={label}
        data-testid={testId}
        onChange={(e) => onChange((e.target as HTMLInputElement).files?.[0] ?? null)}
      />
    </View>
  );
}
