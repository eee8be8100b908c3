import { useRouter } from '@tarojs/taro';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';
import { Text, View } from '@tarojs/components';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { PageShell } from '../../../../components/PageShell';
import { EmptyState, Notice } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { publicNotices } from '../../../../services/applications';
import '../../components/applications.scss';

/** 公示: public, no sign-in. Only the masked name, household size, amount and region — never ID numbers, phones or addresses. */
export default function NoticesPage() {
  const { params } = useRouter();
  const { data, error } = useLoad(() => publicNotices(params.regionCode), [params.regionCode]);
  const list = data?.notices ?? null;

  return (
    <PageShell className='apl-notices' promptSignIn={false}>
      <Text className='section-title'>以下为正在公示的救助对象。如有异议，请在公示期内向乡镇（街道）反映。</Text>
      <Notice text={error} error />
      {list && list.length === 0 ? <EmptyState text='暂无公示' /> : null}
      {(list ?? []).map((n) => (
        <View key={n.id} className='card' data-testid='notice'>
          <Text className='card__title'>{n.nameMasked} · {n.programmeName}</Text>
          <Text className='card__line'>家庭人数：{n.householdSize} 人</Text>
          <Text className='card__line'>拟享受金额：{n.amountFen === null ? '—' : `${formatYuanText(n.amountFen)}/月`}</Text>
          <Text className='card__line'>地区：{regionName(n.regionCode)}</Text>
          <Text className='card__line apl-muted'>公示期：{n.startsOn} 至 {n.endsOn}</Text>
        </View>
      ))}
    </PageShell>
  );
}
