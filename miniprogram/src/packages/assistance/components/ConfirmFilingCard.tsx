import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ApplicationView } from '@dajiuzhu/shared';
import { Button } from '../../../components/Button';
import { Notice } from '../../../components/Notice';
import { useAction } from '../../../components/hooks';
import { confirmApplication } from '../../../services/applications';
import { CheckAuthorization, checkAuthorizationBody } from './CheckAuthorization';

interface Props {
  application: ApplicationView;
  onConfirmed: (view: ApplicationView) => void;
}

/**
 * Someone filed this application in the person's name (帮办代办). Until the person confirms it —
 * reading and ticking the authorization themselves — it is handled as the helper's filing only.
 * Shown when the server says this account may confirm (`canConfirm`: the person, verified).
 */
export function ConfirmFilingCard({ application, onConfirmed }: Props) {
  const [ticked, setTicked] = useState(false);
  const confirming = useAction({ fallback: '确认失败，请稍后再试' });

  function confirm() {
    if (!ticked) return;
    void confirming.act(async () => {
      onConfirmed(await confirmApplication(application.id, { expectedSequence: application.sequence, checkAuthorization: checkAuthorizationBody() }));
    }, '已确认');
  }

  return (
    <View className='card apl-confirm' data-testid='confirm-filing'>
      <Text className='card__title'>请确认这份申请</Text>
      <Text className='card__line'>
        有人{application.helperRelation ? `（代办人：${application.helperRelation}）` : ''}以您的名义提交了这份{application.programmeName}申请。
        如果这是您本人的意愿，请阅读下面的授权书并勾选同意后确认；确认后按您本人的申请办理。
      </Text>
      <CheckAuthorization checked={ticked} busy={confirming.busy} onToggle={() => setTicked(!ticked)} testId='confirm-consent' />
      <Notice text={confirming.error} error />
      <Button loading={confirming.busy} disabled={!ticked} onClick={confirm}>确认是我本人的申请</Button>
    </View>
  );
}
