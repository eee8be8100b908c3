import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROUTES } from '../routes';
import { Button } from './Button';

interface Props {
  /** What verification unlocks, e.g. '您的幸福清单'. */
  what: string;
  /** The server's own words, when the screen has them (an error message, a superseded claim). */
  message?: string | null;
}

/**
 * In place of records about a person the account has not proven to be: a plain "verify first"
 * with the way to do it, instead of an error.
 */
export function VerifyPrompt({ what, message }: Props) {
  return (
    <View className='card verify-prompt' data-testid='verify-prompt'>
      <Text className='card__title'>请先完成实名核验</Text>
      <Text className='card__line'>{message || `为保护您的信息，完成实名核验后才能查看${what}。`}</Text>
      <Button onClick={() => Taro.navigateTo({ url: ROUTES.profile })}>去实名核验</Button>
    </View>
  );
}
