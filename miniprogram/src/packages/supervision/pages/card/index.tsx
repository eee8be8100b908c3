import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { EmptyState } from '../../../../components/EmptyState';
import { Notice } from '../../../../components/Notice';
import { StatusTag } from '../../../../components/StatusTag';
import { useAction, useLoad } from '../../../../components/hooks';
import { cardApi } from '../../../../services/card';
import { countdownText, groupedCode, secondsLeft } from '../../logic';
import { SUPERVISION_ROUTES } from '../../routes';
import { QrCode } from '../../QrCode';

/**
 * 电子救助卡: the programmes the person receives now, and a code valid about 5 minutes that staff
 * or a service point scan to confirm it (they see only the masked name and the programmes).
 * Below, the subsidies granted without an application (免审秒办), each with 放弃 and 申请更正.
 */
export default function CardPage() {
  const card = useLoad(() => cardApi.card());
  const grants = useLoad(() => cardApi.myGrants());
  const decline = useAction({ fallback: '操作失败，请重试', onDone: () => { void grants.reload(); void card.reload(); } });
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const c = card.data;
  const left = c ? secondsLeft(c.qr.expiresAt, now) : 0;

  return (
    <PageShell className='assistance-card'>
      <Notice text={card.error ?? grants.error ?? decline.error} error />
      {c ? (
        <View className='card' data-testid='assistance-card'>
          <Text className='card__title'>{c.holderNameMasked}</Text>
          <Text className='card__line'>{c.idNumberMasked}</Text>
          {c.programmes.length === 0 ? <Text className='card__line'>目前没有正在享受的救助项目</Text> : null}
          {c.programmes.map((p) => (
            <Text key={p.programme} className='card__line' data-testid='card-programme'>
              {p.programmeName}{p.monthlyAmountFen !== null ? ` · 每月 ${formatYuanText(p.monthlyAmountFen)}` : ''}（{p.startMonth} 起）
            </Text>
          ))}
          <QrCode text={c.qr.token} label='电子救助卡核验二维码，请出示给工作人员扫码' />
          <Text className='card__title' data-testid='card-code'>核验码 {groupedCode(c.qr.token)}</Text>
          <Text className='card__line'>{countdownText(left)}。工作人员扫码只能看到打码的姓名和救助项目。</Text>
          <Button variant='secondary' onClick={() => void card.reload()}>刷新核验码</Button>
        </View>
      ) : null}

      <Text className='section-title'>免审秒办</Text>
      {grants.data && grants.data.grants.length === 0 ? <EmptyState title='暂无免审办理的补贴' hint='残联数据显示您符合条件时，会直接为您办理并通知您。' /> : null}
      <View className='list' data-testid='auto-grants'>
        {(grants.data?.grants ?? []).map((g) => (
          <View key={g.id} className='list__item' data-testid='auto-grant'>
            <Text className='list__title'>{g.programmeName} · 每月 {formatYuanText(g.monthlyAmountFen)}</Text>
            <Text className='list__summary'>{g.basis}</Text>
            <StatusTag tone={g.status === 'active' ? 'success' : 'neutral'} text={g.status === 'active' ? `${g.startMonth} 起发放` : '已放弃或停止'} />
            <Button variant='secondary' onClick={() => Taro.navigateTo({ url: `${SUPERVISION_ROUTES.decision}?kind=autoGrant&id=${encodeURIComponent(g.id)}` })}>信息有误，申请更正</Button>
            {g.status === 'active' ? (
              <Button variant='secondary' loading={decline.busy} onClick={() => void decline.act(() => cardApi.decline(g.id), '已放弃，下月起停止发放')}>不需要，放弃</Button>
            ) : null}
          </View>
        ))}
      </View>
    </PageShell>
  );
}
