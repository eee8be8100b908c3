import { Text, View } from '@tarojs/components';
import { CHECK_AUTHORIZATION } from '@dajiuzhu/shared/src/applications/programmes';
import { CheckRow } from '../../../components/CheckRow';

interface Props {
  checked: boolean;
  /** A tick on its way to the server: further taps wait. */
  busy?: boolean;
  onToggle: () => void;
  testId?: string;
}

/**
 * The 家庭经济状况核对授权书 as the person reads it, with the tick that is their consent. The tick is
 * a checkbox to assistive technology; what it sends is up to the screen (the form records it at
 * once, the confirm card sends it with the confirmation).
 */
export function CheckAuthorization({ checked, busy = false, onToggle, testId = 'consent' }: Props) {
  return (
    <View className='apl-consent'>
      <Text className='card__title'>{CHECK_AUTHORIZATION.title}</Text>
      <Text>{CHECK_AUTHORIZATION.text}</Text>
      <CheckRow checked={checked} busy={busy} onChange={onToggle} testId={testId}>我已阅读并同意授权（版本 {CHECK_AUTHORIZATION.version}）</CheckRow>
    </View>
  );
}

/** What a tick sends: the version of the text on screen, and the person's agreement. */
export const checkAuthorizationBody = () => ({ textVersion: CHECK_AUTHORIZATION.version, agreed: true as const });
