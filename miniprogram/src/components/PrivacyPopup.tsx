import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from './Button';
import { PRIVACY_AGREE_BUTTON_ID, answerPrivacy, usePendingPrivacy } from '../store/privacy';

/** weapp: shown when WeChat needs the user's consent before a privacy API runs. */
export function PrivacyPopup() {
  const pending = usePendingPrivacy();
  if (!pending) return null;
  return (
    <View className='privacy-mask'>
      <View className='privacy-popup'>
        <Text className='privacy-popup__title'>用户隐私保护提示</Text>
        <Text className='privacy-popup__body'>
          为了给您办理社会救助业务，我们需要使用您的部分个人信息。请阅读
        </Text>
        <Text className='privacy-popup__link' onClick={() => Taro.openPrivacyContract?.({})}>
          《大救助小程序隐私保护指引》
        </Text>
        <Text className='privacy-popup__body'>同意后方可继续使用相关功能。</Text>
        <View className='privacy-popup__actions'>
          <Button variant='secondary' onClick={() => answerPrivacy(false)}>
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answerPrivacy(true)}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
