import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../../components/PageShell';
import { wishApi } from '../../../../services/wish';
import { Notice, useLoad } from '../../components/ui';
import { CountsGrid } from './CountsGrid';

const REGIONS = [{ code: '371400', name: '德州市' }, { code: '371402', name: '德城区' }, { code: '371500', name: '聊城市' }];

/** Public numbers per region: collected, open, claimed, fulfilled, lapsed. */
export default function WishNumbersPage() {
  const { params } = useRouter();
  const [region, setRegion] = useState(params?.regionCode ?? '371400');
  const { data, error } = useLoad(() => wishApi.numbers(region), [region]);
  return (
    <PageShell className='wish-public-numbers'>
      <View className='chips chips--wrap'>
        {REGIONS.map((r) => <View key={r.code} className={region === r.code ? 'chip chip--on tap' : 'chip tap'} onClick={() => setRegion(r.code)}><Text>{r.name}</Text></View>)}
      </View>
      <Notice text={error} error />
      {data ? (
        <>
          <Text className='section-title'>{data.regionName}微心愿</Text>
          <CountsGrid counts={data.counts} />
        </>
      ) : null}
    </PageShell>
  );
}
