import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Donation } from '@dajiuzhu/shared';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { StatusTag } from '../../../../components/StatusTag';
import { EmptyState } from '../../../../components/EmptyState';
import { Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { charityApi } from '../../../../services/charity';
import { donationApi, openReceipt } from '../../../../services/donations';
import { dayOf, DONATION_STATUS } from '../../labels';
import { CHARITY_ROUTES } from '../../routes';
import '../../components/charity.scss';

const go = (url: string) => Taro.navigateTo({ url });

function DonationRow({ d }: { d: Donation }) {
  const status = DONATION_STATUS[d.status];
  const receipt = useAction({ errorToast: true });
  return (
    <View className='card' data-testid='my-donation'>
      <View className='ch-head'>
        <View className='tap' role='link' onClick={() => go(`${CHARITY_ROUTES.project}?id=${d.projectId}`)}><Text className='card__title'>{d.projectTitle}</Text></View>
        <StatusTag tone={status.tone} text={status.label} />
      </View>
      <Text className='ch-amount'>{formatYuanText(d.amountFen)}</Text>
      <Text className='card__line'>{d.organizationName} · 捐赠人：{d.donorDisplay}</Text>
      <Text className='ch-muted'>{dayOf(d.paidAt ?? d.createdAt)}{d.receiptNumber ? ` · 票据编号 ${d.receiptNumber}` : ''}</Text>
      {d.status === 'paid' && d.receiptNumber ? (
        <Button variant='secondary' className='ch-action' loading={receipt.busy} onClick={() => void receipt.act(() => openReceipt(d), '已下载')}>下载捐赠票据（PDF）</Button>
      ) : null}
    </View>
  );
}

/** 我的捐赠: every donation with its status and receipt, and the reports of the projects I gave to. */
export default function MyDonationsPage() {
  const donations = useLoad(() => donationApi.mine());
  const notices = useLoad(() => charityApi.notices());
  const list = donations.data?.donations ?? [];
  return (
    <PageShell className='charity-donations'>
      {notices.data?.notices.length ? (
        <View className='card' data-testid='charity-notices'>
          <Text className='card__title'>项目新报告</Text>
          {notices.data.notices.map((n) => (
            <View key={n.id} className='ch-row tap' role='link' data-testid='charity-notice' onClick={() => go(`${CHARITY_ROUTES.project}?id=${n.projectId}`)}>
              <Text className='ch-row__title'>{n.title}</Text>
              <Text className='ch-muted'>{dayOf(n.at)} · 点此查看报告</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Notice text={donations.error ?? notices.error} error />
      {list.map((d) => <DonationRow key={d.id} d={d} />)}
      {donations.data && list.length === 0 ? (
        <EmptyState title='还没有捐赠' hint='看看正在募捐的慈善项目，善款去向公开可查' action={{ label: '去看慈善项目', onClick: () => go(CHARITY_ROUTES.square) }} />
      ) : null}
    </PageShell>
  );
}
