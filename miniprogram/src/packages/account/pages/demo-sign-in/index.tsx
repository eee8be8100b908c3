import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { DEMO_ACCOUNTS, type DemoAccount } from '@dajiuzhu/shared/src/demo/accounts';
import { PageShell } from '../../../../components/PageShell';
import { signInDev } from '../../../../services/auth';
import { isApiError } from '../../../../services/request';
import { applySignIn } from '../../../../store/session';
import { ROUTES } from '../../../../routes';

/** H5 demo sign-in (only reachable when the server enables dev sign-in). */
export default function DemoSignInPage() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose(account: DemoAccount) {
    if (busy) return;
    setBusy(account.openid);
    setError(null);
    try {
      const { openid, role, regionCode, level, donorKind } = account;
      applySignIn(await signInDev({ openid, role, regionCode, level, donorKind }));
      Taro.switchTab({ url: ROUTES.home });
    } catch (e) {
      setError(isApiError(e) ? e.message : '登录失败，请稍后再试');
    } finally {
      setBusy(null);
    }
  }

  return (
    <PageShell className='demo-sign-in' promptSignIn={false}>
      <View className='demo-banner'>
        <Text>演示环境 · 仅用于测试</Text>
      </View>
      <Text className='section-title'>请选择一个演示账号登录</Text>
      {error ? <Text className='notice notice--error'>{error}</Text> : null}
      <View className='demo-accounts'>
        {DEMO_ACCOUNTS.map((a) => (
          <Button
            key={a.openid}
            className='btn btn--account'
            // H5: any `disabled` attribute (even "false") greys the text out, so set it only while busy.
            {...(busy !== null ? { disabled: true } : {})}
            onClick={() => choose(a)}
          >
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
