import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CardVerifyResult } from '@dajiuzhu/shared';
import { useState } from 'react';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { StatusTag } from '../../../../components/StatusTag';
import { useAction } from '../../../../components/hooks';
import { cardApi } from '../../../../services/card';

/** 核验电子救助卡 (staff, service points): scan the person's code; the answer is only valid + masked name + programmes. */
export default function VerifyPage() {
  const [result, setResult] = useState<CardVerifyResult | null>(null);
  const scan = useAction({ fallback: '核验失败，请让对方刷新后重新扫码' });
  const run = () => void scan.act(async () => {
    setResult(null);
    const { result: token } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    setResult(await cardApi.verify(token));
  });
  return (
    <PageShell className='card-verify'>
      <Button onClick={run} loading={scan.busy}>扫码核验</Button>
      <Notice text={scan.error} error />
      {result ? (
        <View className='card' data-testid='verify-result'>
          <StatusTag tone='success' text='有效' />
          <Text className='card__title'>{result.holderNameMasked}</Text>
          {result.programmes.map((p) => <Text key={p.programme} className='card__line'>{p.programmeName}</Text>)}
          {result.programmes.length === 0 ? <Text className='card__line'>目前没有正在享受的救助项目</Text> : null}
        </View>
      ) : null}
    </PageShell>
  );
}
