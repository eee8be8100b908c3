import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DEMO_ACCOUNTS, type DemoAccount } from '@dajiuzhu/shared/src/demo/accounts';
import { PageShell } from '../../../../components/PageShell';
import { signInDev } from '../../../../services/auth';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { useAction } from '../../../../components/hooks';
import { applySignIn } from '../../../../store/session';
import { ROUTES } from '../../../../routes';

/** H5 demo sign-in (only reachable when the server enables dev sign-in). */
export default function DemoSignInPage() {
  const [chosen, setChosen] = useState<string | null>(null);
  const signIn = useAction({ fallback: '登录失败，请稍后再试' });

  function choose(account: DemoAccount) {
    setChosen(account.openid);
    void signIn.act(async () => {
      const { openid, role, regionCode, level, donorKind } = account;
      applySignIn(await signInDev({ openid, role, regionCode, level, donorKind }));
      Taro.switchTab({ url: ROUTES.home });
    });
  }

  return (
    <PageShell className='demo-sign-in' promptSignIn={false}>
      <View className='demo-banner'>
        <Text>演示环境 · 仅用于测试</Text>
      </View>
      <Text className='section-title'>请选择一个演示账号登录</Text>
      <Notice text={signIn.error} error />
      <View className='demo-accounts'>
        {DEMO_ACCOUNTS.map((a) => (
          <Button key={a.openid} variant='account' loading={signIn.busy && chosen === a.openid} disabled={signIn.busy && chosen !== a.openid} onClick={() => choose(a)}>
            <View className='btn__stack'>
              <Text className='btn__label'>{a.label}</Text>
              <Text className='btn__hint'>{a.description}</Text>
            </View>
          </Button>
        ))}
      </View>
    </PageShell>
  );
}
