import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PublicNoticeEntry } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { publicNotices } from '../../../../services/applications';
import { yuan } from '../../components/format';
import '../../components/applications.scss';

/** 公示: public, no sign-in. Only the masked name, household size, amount and region — never ID numbers, phones or addresses. */
export default function NoticesPage() {
  const { params } = useRouter();
  const [list, setList] = useState<PublicNoticeEntry[] | null>(null);
  useEffect(() => { publicNotices(params.regionCode).then((r) => setList(r.notices)).catch(() => setList([])); }, [params.regionCode]);

  return (
    <PageShell className='apl-notices' promptSignIn={false}>
      <Text className='section-title'>以下为正在公示的救助对象。如有异议，请在公示期内向乡镇（街道）反映。</Text>
      {list && list.length === 0 ? <View className='card'><Text>暂无公示</Text></View> : null}
      {(list ?? []).map((n) => (
        <View key={n.id} className='card' data-testid='notice'>
          <Text className='card__title'>{n.nameMasked} · {n.programmeName}</Text>
          <Text className='card__line'>家庭人数：{n.householdSize} 人</Text>
          <Text className='card__line'>拟享受金额：{n.amountFen === null ? '—' : `${yuan(n.amountFen)}/月`}</Text>
          <Text className='card__line'>地区：{n.regionCode}</Text>
          <Text className='card__line apl-muted'>公示期：{n.startsOn} 至 {n.endsOn}</Text>
        </View>
      ))}
    </PageShell>
  );
}
