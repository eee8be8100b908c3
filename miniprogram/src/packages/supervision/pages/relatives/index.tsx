import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips } from '../../../../components/Chips';
import { EmptyState } from '../../../../components/EmptyState';
import { Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { useSession } from '../../../../store/session';
import { supervisionApi } from '../../../../services/supervision';
import { emptyRelative, relativeBody, relativeProblem, type RelativeDraft } from '../../relativeForm';

const ROLES = [{ value: 'villageCadre' as const, label: '村（居）干部' }, { value: 'staff' as const, label: '民政工作人员' }];

/** 近亲属备案 (county staff, 民发〔2021〕57号): register a relative; their applications are flagged for a county visit. */
export default function RelativesPage() {
  const { user } = useSession();
  const [draft, setDraft] = useState<RelativeDraft>(emptyRelative(user?.staff?.regionCode ?? ''));
  const [tried, setTried] = useState(false);
  const list = useLoad(() => supervisionApi.relatives());
  const save = useAction({ fallback: '登记失败，请重试', onDone: () => { setDraft(emptyRelative(draft.regionCode)); setTried(false); void list.reload(); } });
  const set = (k: keyof RelativeDraft) => (e: { detail: { value: string } }) => setDraft({ ...draft, [k]: e.detail.value });
  const problem = relativeProblem(draft);
  const field = (label: string, k: keyof RelativeDraft, placeholder: string) => (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Input className='field__input' aria-label={label} placeholder={placeholder} value={String(draft[k])} onInput={set(k)} />
    </View>
  );
  return (
    <PageShell className='relatives'>
      <Notice text={list.error ?? save.error} error />
      {field('近亲属姓名', 'name', '如 刘桂芝')}
      {field('身份证号', 'idNumber', '18位身份证号')}
      {field('关系', 'relation', '如 配偶、子女、兄弟姐妹')}
      <Chips options={ROLES} value={draft.role} onChange={(v) => setDraft({ ...draft, role: v ?? 'villageCadre' })} />
      {field('工作人员或干部姓名', 'staffName', '如 刘建军')}
      {field('职务', 'post', '如 某社区居委会主任')}
      {field('所在地区（行政区划代码）', 'regionCode', '如 371402001')}
      {tried && problem ? <Text className='field__error'>{problem}</Text> : null}
      <Button loading={save.busy} onClick={() => { setTried(true); if (!problem) void save.act(() => supervisionApi.registerRelative(relativeBody(draft)), '已登记'); }}>登记备案</Button>
      <Text className='section-title'>已备案</Text>
      {list.data && list.data.relatives.length === 0 ? <EmptyState title='暂无备案' /> : null}
      <View className='list' data-testid='relatives'>
        {(list.data?.relatives ?? []).map((r) => (
          <View key={r.id} className='list__item' data-testid='relative'>
            <Text className='list__title'>{r.nameMasked} · {r.idNumberMasked}</Text>
            <Text className='list__summary'>{r.relation} · {r.relatedTo.role === 'staff' ? '民政工作人员' : '村（居）干部'} {r.relatedTo.nameMasked}（{r.relatedTo.post}）</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
