import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { PageShell } from '../../../../components/PageShell';
import { Chips, type Choice } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { wishApi } from '../../../../services/wish';
import { CountsGrid } from './CountsGrid';
import '../../components/wish.scss';

const REGIONS: Choice<string>[] = [{ value: '371400', label: '德州市' }, { value: '371402', label: '德城区' }, { value: '371500', label: '聊城市' }];

/** Public numbers per region: collected, open, claimed, fulfilled, lapsed. */
export default function WishNumbersPage() {
  const { params } = useRouter();
  const [region, setRegion] = useState(params?.regionCode ?? '371400');
  const { data, error } = useLoad(() => wishApi.numbers(region), [region]);
  return (
    <PageShell className='wish-public-numbers'>
      <Chips className='chips--wrap' options={REGIONS} value={region} onChange={(r) => setRegion(r ?? region)} />
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
