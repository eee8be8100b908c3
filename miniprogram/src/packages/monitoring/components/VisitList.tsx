import { Text, View } from '@tarojs/components';
import type { AlertDetailView } from '@dajiuzhu/shared';
import { formatYuan } from '@dajiuzhu/shared/src/money';
import { programmeName } from '@dajiuzhu/shared/src/programmes';
import { shanghaiDateTime } from '@dajiuzhu/shared/src/rules/date';

/** The visits recorded so far (a 未见到人 visit stays on the task: try again). */
export function VisitList({ visits }: { visits: AlertDetailView['visits'] }) {
  if (visits.length === 0) return null;
  return (
    <View className='card' data-testid='visits'>
      <Text className='card__title'>核查记录</Text>
      {visits.map((v) => (
        <View key={v.id} className='mon-evidence__item'>
          <Text className='mon-row__title'>{shanghaiDateTime(v.visitedAt)} · {v.outcome.label}</Text>
          <Text className='mon-muted'>{v.seen}</Text>
          {v.situation.householdSize ? <Text className='mon-muted'>家庭人口 {v.situation.householdSize} 人{v.situation.householdIncomeFen !== undefined ? ` · 家庭月收入 ${formatYuan(v.situation.householdIncomeFen)} 元` : ''}</Text> : null}
          {v.outcome.programme ? <Text className='mon-muted'>代为申请：{programmeName(v.outcome.programme)}{v.outcome.consentGiven ? '（本人已签字同意）' : ''}</Text> : null}
          {v.outcome.referTo ? <Text className='mon-muted'>转介：{v.outcome.referTo}</Text> : null}
          {v.outcome.reason ? <Text className='mon-muted'>说明：{v.outcome.reason}</Text> : null}
          {v.photoFileIds.length ? <Text className='mon-muted'>照片 {v.photoFileIds.length} 张</Text> : null}
        </View>
      ))}
    </View>
  );
}
