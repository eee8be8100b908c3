import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { errorText } from '../../../../components/errorText';
import { redeemInvitation } from '../../../../services/admin';
import { applySignIn } from '../../../../store/session';
import { ROUTES } from '../../../../routes';
import '../../admin.scss';

const ROLE_WORDS: Record<string, string> = { staff: '工作人员', gridWorker: '网格员', charity: '慈善组织' };

/** 使用邀请码: any signed-in person becomes staff (or a grid worker, …) with a code from the administrator. */
export default function RedeemPage() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const redeem = async () => {
    if (code.trim().length < 8) { setError('请输入管理员给您的完整邀请码'); return; }
    setBusy(true);
    setError(null);
    try {
      const res = await redeemInvitation(code);
      // The old session ended on the server; the answer carries the new one with the new role.
      applySignIn(res);
      const role = (['staff', 'gridWorker', 'charity'] as const).find((r) => (res.user.roles as string[]).includes(r));
      const where = res.user.staff?.regionCode ?? (res.user as { gridWorker?: { regionCode?: string } }).gridWorker?.regionCode;
      setDone(`您已成为${role ? ROLE_WORDS[role] : '工作人员'}${where ? `（${regionName(where)}）` : ''}`);
    } catch (e) {
      setError(errorText(e, '邀请码使用失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell>
      {done ? (
        <View className='card' data-testid='redeem-done'>
          <Text className='card__title'>{done}</Text>
          <Text className='card__line'>首页已换成您的工作台。</Text>
          <Button onClick={() => Taro.switchTab({ url: ROUTES.home })}>去工作台</Button>
        </View>
      ) : (
        <View className='card'>
          <Text className='card__line'>请输入系统管理员给您的邀请码。一个邀请码只能使用一次。</Text>
          <View className='field'>
            <Text className='field__label'>邀请码</Text>
            <Input className='field__input admin-code__input' maxlength={64} value={code} aria-label='邀请码' placeholder='区分大小写' data-testid='redeem-code' onInput={(e) => setCode(e.detail.value)} />
          </View>
          <Notice text={error} error />
          <Button loading={busy} onClick={redeem} id='redeem-submit'>确认使用</Button>
        </View>
      )}
    </PageShell>
  );
}
