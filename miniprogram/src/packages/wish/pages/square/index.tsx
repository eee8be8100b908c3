import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { WISH_CATEGORIES, type WishCategory } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { wishApi } from '../../../../services/wish';
import { Notice, PublicWishCard, useLoad, WISH_CATEGORY_LABELS } from '../../components/ui';

const REGIONS = [{ code: '', name: '全部地区' }, { code: '371400', name: '德州市' }, { code: '371402', name: '德城区' }, { code: '371500', name: '聊城市' }];
const BUDGETS = [{ max: undefined, name: '不限预算' }, { max: 5000, name: '50元以内' }, { max: 20000, name: '200元以内' }, { max: 50000, name: '500元以内' }];

/** 微心愿广场: approved wishes, filtered by region, category and budget, newest first. */
export default function WishSquarePage() {
  const [region, setRegion] = useState('');
  const [category, setCategory] = useState<WishCategory | ''>('');
  const [maxBudget, setMaxBudget] = useState<number | undefined>(undefined);
  const [sort, setSort] = useState<'newest' | 'budgetAsc'>('newest');
  const { data, error } = useLoad(
    () => wishApi.square({ regionCode: region || undefined, category: category || undefined, maxBudgetFen: maxBudget, sort, limit: 50 }),
    [region, category, maxBudget, sort],
  );
  const chip = (on: boolean) => (on ? 'chip chip--on tap' : 'chip tap');
  return (
    <PageShell className='wish-square'>
      <View className='chips chips--wrap'>
        {REGIONS.map((r) => <View key={r.code} className={chip(region === r.code)} onClick={() => setRegion(r.code)}><Text>{r.name}</Text></View>)}
      </View>
      <View className='chips chips--wrap'>
        <View className={chip(category === '')} onClick={() => setCategory('')}><Text>全部类别</Text></View>
        {WISH_CATEGORIES.map((c) => <View key={c} className={chip(category === c)} onClick={() => setCategory(c)}><Text>{WISH_CATEGORY_LABELS[c]}</Text></View>)}
      </View>
      <View className='chips chips--wrap'>
        {BUDGETS.map((b) => <View key={b.name} className={chip(maxBudget === b.max)} onClick={() => setMaxBudget(b.max)}><Text>{b.name}</Text></View>)}
        <View className={chip(sort === 'newest')} onClick={() => setSort('newest')}><Text>最新</Text></View>
        <View className={chip(sort === 'budgetAsc')} onClick={() => setSort('budgetAsc')}><Text>预算从低到高</Text></View>
      </View>
      <Notice text={error} error />
      {data ? <Text className='section-title'>共 {data.total} 个待认领的心愿</Text> : null}
      {data?.wishes.map((w) => <PublicWishCard key={w.id} wish={w} />)}
      {data && data.wishes.length === 0 ? <Notice text='暂时没有符合条件的心愿' /> : null}
    </PageShell>
  );
}
