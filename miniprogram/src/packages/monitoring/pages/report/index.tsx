import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { MyReportView } from '@dajiuzhu/shared';
import { isRegionCode } from '@dajiuzhu/shared/src/rules/region';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { useAction } from '../../../../components/hooks';
import { capturePhoto, monitoringApi } from '../../../../services/monitoring';
import { useSession } from '../../../../store/session';
import { MONITORING_ROUTES } from '../../routes';
import { newFormKey } from '../../logic';
import { contactWarning, reportProblem } from '../../reportForm';
import { ReportSent } from '../../components/ReportSent';
import '../../components/monitoring.scss';

/**
 * 随手拍: tell the staff about someone in difficulty — what you saw, where, a photo if you like.
 * You will see its status, never the person's details; no phone or ID numbers in the text.
 */
export default function HardshipReportPage() {
  const { user } = useSession();
  const [text, setText] = useState('');
  const [regionCode, setRegionCode] = useState(user?.profile?.regionCode ?? user?.gridWorker?.regionCode ?? '');
  const [address, setAddress] = useState('');
  const [photoId, setPhotoId] = useState<string | null>(null);
  const [requestKey, setRequestKey] = useState(() => newFormKey('report'));
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState<MyReportView | null>(null);
  const send = useAction({ fallback: '提交失败，请重试' });
  const photo = useAction({ fallback: '照片上传失败，请重试' });
  const problem = reportProblem({ text, regionCode, address });
  const warning = contactWarning(text) ?? contactWarning(address);
  const place = isRegionCode(regionCode.trim()) ? regionName(regionCode.trim()) : null;

  if (sent) {
    return (
      <PageShell className='mon-report'>
        <ReportSent report={sent} again={() => { setSent(null); setText(''); setAddress(''); setPhotoId(null); setTried(false); setRequestKey(newFormKey('report')); }} />
      </PageShell>
    );
  }
  const submit = () => {
    setTried(true);
    if (problem) return;
    void send.act(async () => setSent(await monitoringApi.hardshipReport({
      requestKey, text: text.trim(), regionCode: regionCode.trim(), address: address.trim(), ...(photoId ? { photoFileId: photoId } : {}),
    })));
  };

  return (
    <PageShell className='mon-report'>
      <Text className='mon-muted'>发现身边有人生活困难？告诉我们，工作人员会上门了解。您只会看到处理进度。</Text>
      <View className='field'>
        <Text className='field__label'>看到的情况</Text>
        <Textarea className='mon-textarea' placeholder='如：独居老人，冬天没有取暖，行动不便' maxlength={300} value={text} onInput={(e) => setText(e.detail.value)} />
        {warning ? <Text className='mon-warning' data-testid='contact-warning'>{warning}</Text> : null}
      </View>
      <View className='field'>
        <Text className='field__label'>所在地（行政区划代码）</Text>
        <Input className='field__input' type='number' placeholder='如 371402001' value={regionCode} onInput={(e) => setRegionCode(e.detail.value)} />
        {place ? <Text className='mon-muted' data-testid='report-place'>{place}</Text> : null}
      </View>
      <View className='field'>
        <Text className='field__label'>大致位置</Text>
        <Input className='field__input' placeholder='如：某小区3号楼附近' maxlength={100} value={address} onInput={(e) => setAddress(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field__label'>照片（可选）</Text>
        <Text className='mon-muted' data-testid='photo-count'>{photoId ? '已添加 1 张照片' : '不拍人脸也可以，拍下环境即可'}</Text>
        <Notice text={photo.error} error />
        <Button variant='secondary' loading={photo.busy} onClick={() => photo.act(async () => { const f = await capturePhoto(); if (f) setPhotoId(f.id); })}>{photoId ? '重拍' : '拍照'}</Button>
      </View>
      <View className='bottom-actions mon-bottom'>
        {tried && problem && !warning ? <Text className='mon-warning'>{problem}</Text> : null}
        <Notice text={send.error} error />
        <Button loading={send.busy} onClick={submit}>提交报告</Button>
        <Button variant='secondary' onClick={() => Taro.navigateTo({ url: MONITORING_ROUTES.mine })}>我的求助和报告</Button>
      </View>
    </PageShell>
  );
}
