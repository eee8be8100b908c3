import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import type { MyReportView } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { useAction } from '../../../../components/hooks';
import { monitoringApi } from '../../../../services/monitoring';
import { ROUTES } from '../../../../routes';
import { MONITORING_ROUTES } from '../../routes';
import { newFormKey } from '../../logic';
import { HELP_CATEGORIES, contactWarning, helpProblem, type HelpCategory } from '../../reportForm';
import { ReportSent } from '../../components/ReportSent';
import '../../components/monitoring.scss';

/** 一键求助: ask for help for yourself in one short form; staff of your area follow up. */
export default function HelpRequestPage() {
  const [text, setText] = useState('');
  const [category, setCategory] = useState<HelpCategory>();
  const [requestKey, setRequestKey] = useState(() => newFormKey('help'));
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState<MyReportView | null>(null);
  const send = useAction({ fallback: '提交失败，请重试' });
  const problem = helpProblem(text);
  const warning = contactWarning(text);

  if (sent) {
    return (
      <PageShell className='mon-help'>
        <ReportSent report={sent} again={() => { setSent(null); setText(''); setCategory(undefined); setTried(false); setRequestKey(newFormKey('help')); }} />
      </PageShell>
    );
  }
  const submit = () => {
    setTried(true);
    if (problem) return;
    void send.act(async () => setSent(await monitoringApi.helpRequest({ requestKey, text: text.trim(), ...(category ? { category } : {}) })));
  };

  return (
    <PageShell className='mon-help'>
      <Text className='mon-muted'>说说遇到的困难，所在地的工作人员会尽快联系您、上门了解。</Text>
      <View className='field'>
        <Text className='field__label'>遇到了什么困难</Text>
        <Textarea className='mon-textarea' placeholder='如：老伴住院，医药费负担不起' maxlength={300} value={text} onInput={(e) => setText(e.detail.value)} />
        {warning ? <Text className='mon-warning' data-testid='contact-warning'>{warning}</Text> : null}
      </View>
      <View className='field'>
        <Text className='field__label'>哪方面的困难（可选）</Text>
        <Chips options={HELP_CATEGORIES} value={category} allowNone onChange={setCategory} />
      </View>
      <View className='bottom-actions mon-bottom'>
        {tried && problem && !warning ? <Text className='mon-warning'>{problem}</Text> : null}
        <Notice text={send.error} error />
        {send.errorCode === 'MONITORING_PROFILE_REQUIRED' ? <Button variant='secondary' onClick={() => Taro.navigateTo({ url: ROUTES.profile })}>去填写实名信息</Button> : null}
        <Button loading={send.busy} onClick={submit}>提交求助</Button>
        <Button variant='secondary' onClick={() => Taro.navigateTo({ url: MONITORING_ROUTES.mine })}>我的求助和报告</Button>
      </View>
    </PageShell>
  );
}
