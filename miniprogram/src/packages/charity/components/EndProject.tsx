import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { Notice } from '../../../components/Notice';
import { useAction } from '../../../components/hooks';

export type EndKind = 'close' | 'cancel';
const WORDS: Record<EndKind, { button: string; hint: string }> = {
  close: { button: '结束募捐', hint: '结束后不再接受捐赠，结项报告随之到期。' },
  cancel: { button: '取消项目', hint: '取消后已到账的捐款将原路退回捐赠人，不能撤销。' },
};

/** Ending a project early (close, or cancel with refunds): a public reason, then WeChat's confirm dialog. */
export function EndProject({ kind, run, onDone, onCancel }: { kind: EndKind; run: (reason: string) => Promise<unknown>; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const ending = useAction({ onDone });
  const words = WORDS[kind];
  async function confirm() {
    if (reason.trim().length < 2) return ending.setError('请写明原因（会公开显示）');
    const answer = await Taro.showModal({ title: `确认${words.button}？`, content: words.hint });
    if (!answer.confirm) return;
    await ending.act(() => run(reason.trim()), '已办理');
  }
  return (
    <View data-testid='end-project'>
      <View className='field'>
        <Text className='field__label'>{words.button}的原因（公开）</Text>
        <Input className='field__input' maxlength={200} placeholder='如：物资已由政府统一发放' value={reason} onInput={(e) => setReason(e.detail.value)} />
        <Text className='ch-muted'>{words.hint}</Text>
      </View>
      <Notice text={ending.error} error />
      <View className='bottom-actions'>
        <Button loading={ending.busy} onClick={() => void confirm()}>{words.button}</Button>
        <Button variant='secondary' onClick={onCancel}>返回</Button>
      </View>
    </View>
  );
}
