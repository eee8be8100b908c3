import { Text, View } from '@tarojs/components';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { useLoad } from '../../../components/hooks';
import { staffIdentityConflicts } from '../../../services/staffApplications';

const METHOD = { face: '人脸核验', inPerson: '当面核验', demo: '演示核验' } as const;

/**
 * 身份核验冲突 in the staff member's region: a second account proved an ID number that another
 * account had already verified. The server refused it; the person is to be seen in person.
 * Nothing shown when there are none.
 */
export function IdentityConflicts() {
  const conflicts = useLoad(() => staffIdentityConflicts()).data?.conflicts ?? [];
  if (conflicts.length === 0) return null;
  return (
    <View className='card' data-testid='identity-conflicts'>
      <Text className='card__title'>身份核验冲突（{conflicts.length}）</Text>
      <Text className='card__line apl-muted'>同一身份证号已由另一个账号核验，以下账号的核验被拒绝。请联系本人到窗口当面核实。</Text>
      {conflicts.map((c) => (
        <View key={c.id} className='apl-doc'>
          <Text>{c.account.name}（{c.account.idNumberMasked}）· {regionName(c.account.regionCode)}</Text>
          <Text className='apl-muted'>
            {METHOD[c.method]}被拒 {c.attempts} 次 · 最近 {shanghaiDate(new Date(c.lastAt))} · 已核验账号：{METHOD[c.holder.method]}，{shanghaiDate(new Date(c.holder.verifiedAt))}
          </Text>
        </View>
      ))}
    </View>
  );
}
