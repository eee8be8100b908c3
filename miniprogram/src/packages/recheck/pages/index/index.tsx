import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { EmptyState } from '../../../../components/EmptyState';
import { Notice } from '../../../../components/Notice';
import { StatusTag } from '../../../../components/StatusTag';
import { useAction, useLoad } from '../../../../components/hooks';
import { recheckApi } from '../../../../services/recheck';
import { RECHECK_ROUTES } from '../../routes';

/** Before the due day: by when; after it: still welcome — a missing confirmation never stops aid. */
const confirmHint = (dueOn: string) => (shanghaiDate() <= dueOn
  ? `请在 ${dueOn} 前确认；未确认不会停发，工作人员会上门了解`
  : `已过 ${dueOn}，仍可确认；未确认不会停发，工作人员会上门了解`);

/**
 * 家庭情况: the aid the person (or the family they help) receives; the yearly "情况没有变化"
 * confirmation in one tap; 申报变化; and the letters explaining a stop or a cut.
 */
export default function HouseholdPage() {
  const households = useLoad(() => recheckApi.households());
  const letters = useLoad(() => recheckApi.letters());
  const confirm = useAction({ fallback: '确认失败，请重试', onDone: () => void households.reload() });
  const download = useAction({ fallback: '告知书下载失败，请稍后再试', toastIcon: 'none' });
  const rows = households.data?.households ?? null;

  return (
    <PageShell className='recheck-household'>
      <Notice text={households.error ?? confirm.error} error />
      {rows && rows.length === 0 ? <EmptyState title='暂无正在享受的救助' hint='救助批准后，可以在这里做年度确认、申报家庭变化。' /> : null}
      <View className='list' data-testid='households'>
        {(rows ?? []).map((h) => (
          <View key={h.entitlementId} className='list__item' data-testid='household'>
            <Text className='list__title'>{h.programmeName} · {h.beneficiaryNameMasked}{h.relation === 'helper' ? '（我代办）' : ''}</Text>
            <Text className='list__summary'>{h.monthlyAmountFen !== null ? `每月 ${formatYuanText(h.monthlyAmountFen)}` : ''}{h.endFromMonth ? `，${h.endFromMonth} 起停止` : ''}</Text>
            <StatusTag tone={h.status === 'active' ? 'success' : 'neutral'} text={h.status === 'active' ? '保障中' : '已停止'} />
            {h.confirmationOpen && !h.confirmedThisYear ? (
              <Button loading={confirm.busy} onClick={() => void confirm.act(() => recheckApi.confirm(h.entitlementId), '已确认')}>{`${h.confirmationYear}年度确认：情况没有变化`}</Button>
            ) : null}
            {h.confirmedThisYear ? <Text className='list__text'>{h.confirmationYear}年度已确认</Text> : h.confirmationOpen ? <Text className='list__text'>{confirmHint(h.confirmationDueOn)}</Text> : null}
            {h.status === 'active' ? <Button variant='secondary' onClick={() => Taro.navigateTo({ url: `${RECHECK_ROUTES.report}?entitlementId=${encodeURIComponent(h.entitlementId)}` })}>家里情况有变化，申报</Button> : null}
          </View>
        ))}
      </View>
      {letters.data?.letters.length ? <Text className='section-title'>告知书</Text> : null}
      <Notice text={download.error} error />
      <View className='list' data-testid='letters'>
        {(letters.data?.letters ?? []).map((l) => (
          <View key={l.id} className='list__item' data-testid='letter'>
            <Text className='list__title'>{l.title}</Text>
            <Text className='list__summary'>{l.issuedOn} · {l.issuingOffice}</Text>
            {[...l.computedReasons, ...l.reasons].map((r, i) => <Text key={i} className='list__text'>{r}</Text>)}
            <Button variant='secondary' loading={download.busy} onClick={() => void download.act(() => recheckApi.downloadLetter(l))}>下载告知书（PDF）</Button>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
