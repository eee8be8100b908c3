import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { DonorKind } from '@dajiuzhu/shared';
import { Button } from '../../../components/Button';
import { Chips, type Choice } from '../../../components/Chips';
import { Notice } from '../../../components/Notice';
import { useAction } from '../../../components/hooks';
import { becomeDonor } from '../../../services/me';
import { setUser } from '../../../store/session';

const KINDS: Choice<DonorKind>[] = [{ value: 'person', label: '个人' }, { value: 'company', label: '企业' }];
const ANONYMOUS: Choice<boolean>[] = [{ value: false, label: '显示这个名称' }, { value: true, label: '匿名' }];

/**
 * 成为爱心人士, right where a resident meets a wish they want to take on (there is no other
 * entry: issue 13). The name is what the certificate and the thanks use; anonymous shows 爱心人士.
 */
export function BecomeDonor() {
  const [kind, setKind] = useState<DonorKind>('person');
  const [name, setName] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const saving = useAction({ fallback: '登记失败，请稍后再试' });
  const submit = () => {
    if (!anonymous && !name.trim()) { saving.setError('请填写对外显示的名称，如“张先生”'); return; }
    void saving.act(async () => setUser(await becomeDonor({ kind, displayName: name.trim() || (kind === 'company' ? '爱心企业' : '爱心人士'), anonymous })), '已成为爱心人士');
  };
  return (
    <View className='card' data-testid='become-donor'>
      <Text className='card__title'>成为爱心人士，认领这个心愿</Text>
      <Text className='card__line'>登记后即可认领。受助人的感谢和爱心证书上会写这个名称。</Text>
      <Chips options={KINDS} value={kind} onChange={(v) => v && setKind(v)} />
      <View className='field'>
        <Text className='field__label'>{kind === 'company' ? '企业名称' : '怎么称呼您'}</Text>
        <Input className='field__input' maxlength={40} value={name} aria-label='对外显示的名称' placeholder={kind === 'company' ? '如 德州某公司' : '如 张先生'} onInput={(e) => setName(e.detail.value)} />
      </View>
      <Chips options={ANONYMOUS} value={anonymous} onChange={(v) => v !== undefined && setAnonymous(v)} />
      <Notice text={saving.error} error />
      <Button loading={saving.busy} onClick={submit}>登记为爱心人士</Button>
    </View>
  );
}
