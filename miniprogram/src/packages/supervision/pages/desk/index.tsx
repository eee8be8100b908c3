import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { FlagKind } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { EmptyState } from '../../../../components/EmptyState';
import { Notice } from '../../../../components/Notice';
import { StatusTag } from '../../../../components/StatusTag';
import { useAction, useLoad } from '../../../../components/hooks';
import { supervisionApi } from '../../../../services/supervision';
import { SUPERVISION_ROUTES } from '../../routes';

/**
 * 电子监察台 (county and city staff): open and overdue flags by kind and by region one level down
 * (tap a region to drill down, tap a kind to list its flags), each flag with its owner, deadline and
 * facts; resolve (已纠正) or dismiss (核实无问题) with a note; scan the region now.
 */
export default function SupervisionDeskPage() {
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [kind, setKind] = useState<FlagKind | undefined>(undefined);
  const summary = useLoad(() => supervisionApi.summary(region), [region]);
  const flags = useLoad(() => supervisionApi.flags({ regionCode: region, kind, status: 'open' }), [region, kind]);
  const act = useAction({ fallback: '操作失败，请重试', onDone: () => { void summary.reload(); void flags.reload(); } });
  const s = summary.data;

  const resolve = (id: string, action: 'resolve' | 'dismiss') => void act.act(async () => {
    const r = await Taro.showModal({ title: action === 'resolve' ? '已纠正' : '核实无问题', content: '', editable: true, placeholderText: '写明处理情况' } as Taro.showModal.Option);
    if (!r.confirm) return;
    const note = ((r as { content?: string }).content ?? '').trim();
    await supervisionApi.resolve(id, action, note.length >= 2 ? note : action === 'resolve' ? '已纠正' : '经核实无问题');
  }, '已处理');

  return (
    <PageShell className='supervision-desk'>
      <Notice text={summary.error ?? flags.error ?? act.error} error />
      {s ? <Text className='section-title'>{s.regionName}{region ? '' : '（本辖区）'}</Text> : null}
      <View className='list' data-testid='by-kind'>
        {(s?.byKind ?? []).map((k) => (
          <View key={k.kind} className={`list__item tap${kind === k.kind ? ' list__item--selected' : ''}`} data-testid='flag-kind' onClick={() => setKind(kind === k.kind ? undefined : k.kind)}>
            <Text className='list__title'>{k.kindName}</Text>
            <Text className='list__summary'>待处理 {k.open} · 超期 {k.overdue} · 已办结 {k.closed}</Text>
          </View>
        ))}
      </View>
      <Text className='section-title'>按地区</Text>
      <View className='list' data-testid='by-region'>
        {(s?.byRegion ?? []).map((r) => (
          <View key={r.regionCode} className='list__item tap' data-testid='flag-region' onClick={() => setRegion(r.regionCode)}>
            <Text className='list__title'>{r.regionName}</Text>
            <Text className='list__summary'>待处理 {r.open} · 超期 {r.overdue} · 已办结 {r.closed}</Text>
          </View>
        ))}
      </View>
      {region ? <Button variant='secondary' onClick={() => setRegion(undefined)}>返回本辖区</Button> : null}
      <Text className='section-title'>待处理事项</Text>
      {flags.data && flags.data.flags.length === 0 ? <EmptyState title='没有待处理的监察事项' /> : null}
      <View className='list' data-testid='flags'>
        {(flags.data?.flags ?? []).map((f) => (
          <View key={f.id} className='list__item' data-testid='flag'>
            <Text className='list__title'>{f.kindName}{f.subject.nameMasked ? ` · ${f.subject.nameMasked}` : ''}</Text>
            <Text className='list__summary'>{f.summary}</Text>
            {f.facts.map((x) => <Text key={x.label} className='list__text'>{x.label}：{x.value}</Text>)}
            <Text className='list__text'>{f.regionName} · 责任单位 {f.owner.regionName} · 期限 {f.deadline}</Text>
            <StatusTag tone={f.overdue ? 'danger' : 'warning'} text={f.overdue ? '已超期' : f.statusName} />
            <Button loading={act.busy} onClick={() => resolve(f.id, 'resolve')}>已纠正</Button>
            <Button variant='secondary' loading={act.busy} onClick={() => resolve(f.id, 'dismiss')}>核实无问题</Button>
          </View>
        ))}
      </View>
      <Button variant='secondary' loading={act.busy} onClick={() => void act.act(() => supervisionApi.scan(region), '比对完成')}>立即比对</Button>
      <Button variant='secondary' onClick={() => Taro.navigateTo({ url: SUPERVISION_ROUTES.reviews })}>复查申请</Button>
      <Button variant='secondary' onClick={() => Taro.navigateTo({ url: SUPERVISION_ROUTES.relatives })}>近亲属备案</Button>
      <Button variant='secondary' onClick={() => Taro.navigateTo({ url: SUPERVISION_ROUTES.grants })}>免审秒办清单</Button>
    </PageShell>
  );
}
