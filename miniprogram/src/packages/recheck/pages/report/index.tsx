import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import type { ChangeReportKind, ChangeReportView } from '@dajiuzhu/shared';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { useAction } from '../../../../components/hooks';
import { recheckApi } from '../../../../services/recheck';
import { CHANGE_KINDS, newRequestKey, reportProblem } from '../../logic';

/** 家庭变化申报: what changed, when, in a few words; it opens a recheck (特困: within 10 working days). */
export default function ChangeReportPage() {
  const entitlementId = useRouter().params?.entitlementId ?? '';
  const [kind, setKind] = useState<ChangeReportKind>();
  const [text, setText] = useState('');
  const [happenedOn, setHappenedOn] = useState(shanghaiDate());
  const [requestKey] = useState(newRequestKey);
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState<ChangeReportView | null>(null);
  const send = useAction({ fallback: '提交失败，请重试' });
  const problem = reportProblem(kind, text);

  if (sent) {
    return (
      <PageShell className='recheck-report'>
        <View className='card' data-testid='report-sent'>
          <Text className='card__title'>已收到您的申报</Text>
          <Text className='card__line'>工作人员会进行复核{sent.recheckDeadline ? `，最迟 ${sent.recheckDeadline} 前办结` : ''}。复核期间救助照常发放。</Text>
        </View>
      </PageShell>
    );
  }
  const submit = () => {
    setTried(true);
    if (problem || !kind) return;
    void send.act(async () => setSent(await recheckApi.reportChange({ entitlementId, kind, text: text.trim(), happenedOn, requestKey })));
  };
  return (
    <PageShell className='recheck-report'>
      <View className='field'>
        <Text className='field__label'>发生了什么变化</Text>
        <Chips options={CHANGE_KINDS} value={kind} onChange={setKind} />
      </View>
      <View className='field'>
        <Text className='field__label'>什么时候</Text>
        <Picker mode='date' value={happenedOn} end={shanghaiDate()} onChange={(e) => setHappenedOn(String(e.detail.value))}>
          <View className='field__input'>{happenedOn}</View>
        </Picker>
      </View>
      <View className='field'>
        <Text className='field__label'>简单说明</Text>
        <Textarea className='field__input' placeholder='如：儿子在本地工厂上班了，每月收入约3000元' maxlength={500} value={text} onInput={(e) => setText(e.detail.value)} />
      </View>
      <View className='bottom-actions'>
        {tried && problem ? <Text className='field__error'>{problem}</Text> : null}
        <Notice text={send.error} error />
        <Button loading={send.busy} onClick={submit}>提交申报</Button>
      </View>
    </PageShell>
  );
}
