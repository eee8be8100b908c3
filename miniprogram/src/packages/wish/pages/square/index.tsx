import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { WishCategory } from '@dajiuzhu/shared';
import { WISH_CATEGORIES, WISH_CATEGORY_LABELS } from '@dajiuzhu/shared/src/wishes/categories';
import { PageShell } from '../../../../components/PageShell';
import { Chips, type Choice } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { wishApi } from '../../../../services/wish';
import { PublicWishCard } from '../../components/ui';

type Sort = 'newest' | 'budgetAsc';
const REGIONS: Choice<string>[] = [{ value: '', label: '全部地区' }, { value: '371400', label: '德州市' }, { value: '371402', label: '德城区' }, { value: '371500', label: '聊城市' }];
const CATEGORIES: Choice<WishCategory | ''>[] = [{ value: '', label: '全部类别' }, ...WISH_CATEGORIES.map((c) => ({ value: c, label: WISH_CATEGORY_LABELS[c] }))];
const BUDGETS: Choice<number | undefined>[] = [{ value: undefined, label: '不限预算' }, { value: 5000, label: '50元以内' }, { value: 20000, label: '200元以内' }, { value: 50000, label: '500元以内' }];
const SORTS: Choice<Sort>[] = [{ value: 'newest', label: '最新' }, { value: 'budgetAsc', label: '预算从低到高' }];

/** 微心愿广场: approved wishes, filtered by region, category and budget, newest first. */
export default function WishSquarePage() {
  const [region, setRegion] = useState('');
  const [category, setCategory] = useState<WishCategory | ''>('');
  const [maxBudget, setMaxBudget] = useState<number | undefined>(undefined);
  const [sort, setSort] = useState<Sort>('newest');
  const { data, error } = useLoad(
    () => wishApi.square({ regionCode: region || undefined, category: category || undefined, maxBudgetFen: maxBudget, sort, limit: 50 }),
    [region, category, maxBudget, sort],
  );
  return (
    <PageShell className='wish-square'>
      <Chips className='chips--wrap' options={REGIONS} value={region} onChange={(r) => setRegion(r ?? '')} />
      <Chips className='chips--wrap' options={CATEGORIES} value={category} onChange={(c) => setCategory(c ?? '')} />
      <View className='chips chips--wrap'>
        <Chips options={BUDGETS} value={maxBudget} onChange={setMaxBudget} />
        <Chips options={SORTS} value={sort} onChange={(s) => setSort(s ?? sort)} />
      </View>
      <Notice text={error} error />
      {data ? <Text className='section-title'>共 {data.total}{data.totalCapped ? '+' : ''} 个待认领的心愿</Text> : null}
      {data?.wishes.map((w) => <PublicWishCard key={w.id} wish={w} />)}
      {data && data.wishes.length === 0 ? <Notice text='暂时没有符合条件的心愿' /> : null}
    </PageShell>
  );
}
