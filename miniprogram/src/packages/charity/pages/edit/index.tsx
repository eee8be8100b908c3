import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { CharityTargetGroup, ProjectBody } from '@dajiuzhu/shared';
import { CHARITY_STORY_MAX_CHARS, CHARITY_TARGET_GROUP_LABELS, CHARITY_TARGET_GROUPS, CHARITY_TITLE_MAX_CHARS } from '@dajiuzhu/shared/src/charity/targetGroups';
import { formatYuan, formatYuanText, parseYuanInput } from '@dajiuzhu/shared/src/money';
import { isCalendarDate, shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { regionCovers } from '@dajiuzhu/shared/src/rules/region';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips, type Choice } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { useSession } from '../../../../store/session';
import { charityApi, newRequestKey } from '../../../../services/charity';
import { REGION_CHOICES } from '../../labels';
import { CHARITY_ROUTES } from '../../routes';
import '../../components/charity.scss';

const GROUPS: Choice<CharityTargetGroup>[] = CHARITY_TARGET_GROUPS.map((g) => ({ value: g, label: CHARITY_TARGET_GROUP_LABELS[g] }));
interface LineDraft { label: string; yuan: string }

/** Budget lines in fen (their sum is the goal: the server requires them equal), or what is wrong. */
function budgetOf(lines: LineDraft[]): { lines: { label: string; amountFen: number }[]; goalFen: number } | { problem: string } {
  const out: { label: string; amountFen: number }[] = [];
  for (const [i, l] of lines.entries()) {
    if (!l.label.trim() && !l.yuan.trim()) continue;
    if (!l.label.trim()) return { problem: `第 ${i + 1} 条预算请写明用途` };
    const amount = parseYuanInput(l.yuan);
    if ('problem' in amount) return { problem: `第 ${i + 1} 条预算：${amount.problem}` };
    if (!amount.fen) return { problem: `第 ${i + 1} 条预算请填写金额` };
    out.push({ label: l.label.trim(), amountFen: amount.fen });
  }
  if (!out.length) return { problem: '请至少写一条预算' };
  return { lines: out, goalFen: out.reduce((s, l) => s + l.amountFen, 0) };
}

/** Create a draft (no id) or edit a draft / returned project (`?id=`): the goal is the budget's sum. */
export default function EditProjectPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { user } = useSession();
  const orgRegion = user?.charity?.regionCode ?? '';
  const regions: Choice<string>[] = [
    ...(REGION_CHOICES.some((r) => r.value === orgRegion) || !orgRegion ? [] : [{ value: orgRegion, label: '本机构所在地区' }]),
    ...REGION_CHOICES.filter((r) => !orgRegion || regionCovers(orgRegion, r.value)),
  ];
  const existing = useLoad(() => charityApi.myProject(id), [id], { enabled: !!id });
  const [title, setTitle] = useState('');
  const [story, setStory] = useState('');
  const [group, setGroup] = useState<CharityTargetGroup>('elderly');
  const [region, setRegion] = useState(orgRegion);
  const [startDate, setStartDate] = useState(shanghaiDate());
  const [endDate, setEndDate] = useState('');
  const [lines, setLines] = useState<LineDraft[]>([{ label: '', yuan: '' }]);
  const [requestKey] = useState(newRequestKey);
  const saving = useAction();

  useEffect(() => {
    const p = existing.data;
    if (!p) return;
    setTitle(p.title); setStory(p.story); setGroup(p.targetGroup); setRegion(p.regionCode);
    setStartDate(p.startDate); setEndDate(p.endDate);
    setLines(p.budgetLines.map((b) => ({ label: b.label, yuan: formatYuan(b.amountFen) })));
  }, [existing.data]);
  useEffect(() => { if (!region && orgRegion) setRegion(orgRegion); }, [orgRegion, region]);

  const budget = budgetOf(lines);
  const setLine = (i: number, change: Partial<LineDraft>) => setLines(lines.map((l, j) => (j === i ? { ...l, ...change } : l)));

  function save() {
    if (title.trim().length < 2) return saving.setError('请填写项目名称');
    if (story.trim().length < 10) return saving.setError('项目介绍至少写 10 个字');
    if (!region) return saving.setError('请选择项目所在地区');
    if (!isCalendarDate(startDate) || !isCalendarDate(endDate)) return saving.setError('请按 2026-12-01 的格式填写募捐起止日期');
    if (endDate < startDate) return saving.setError('结束日期不能早于开始日期');
    if ('problem' in budget) return saving.setError(budget.problem);
    const body: ProjectBody = { title: title.trim(), story: story.trim(), targetGroup: group, regionCode: region, goalFen: budget.goalFen, startDate, endDate, budgetLines: budget.lines };
    void saving.act(async () => {
      const saved = id ? await charityApi.edit(id, body) : await charityApi.create({ requestKey, ...body });
      Taro.redirectTo({ url: `${CHARITY_ROUTES.manage}?id=${saved.id}` });
    }, '已保存');
  }

  return (
    <PageShell className='charity-edit'>
      <Text className='section-title'>保存后是草稿，提交审核通过后才公开。不要写受助人的姓名、身份证号、电话、住址。</Text>
      <View className='field'>
        <Text className='field__label'>项目名称</Text>
        <Input className='field__input' maxlength={CHARITY_TITLE_MAX_CHARS} placeholder='如：困难老人冬季温暖包' value={title} onInput={(e) => setTitle(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field__label'>项目介绍</Text>
        <Textarea className='ch-textarea' maxlength={CHARITY_STORY_MAX_CHARS} placeholder='为谁募捐、为什么、钱怎么花' value={story} onInput={(e) => setStory(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field__label'>受助人群</Text>
        <Chips className='chips--wrap' options={GROUPS} value={group} onChange={(g) => setGroup(g ?? group)} testId='target-group' />
      </View>
      <View className='field'>
        <Text className='field__label'>项目地区</Text>
        <Chips className='chips--wrap' options={regions} value={region} onChange={(r) => setRegion(r ?? region)} testId='project-region' />
      </View>
      <View className='field'>
        <Text className='field__label'>募捐期</Text>
        <Input className='field__input' placeholder='开始日期，如 2026-12-01' value={startDate} onInput={(e) => setStartDate(e.detail.value.trim())} />
        <Input className='field__input' placeholder='结束日期，如 2027-06-30' value={endDate} onInput={(e) => setEndDate(e.detail.value.trim())} />
      </View>
      <View className='field' data-testid='budget'>
        <Text className='field__label'>预算明细（合计即目标金额：{'problem' in budget ? '—' : formatYuanText(budget.goalFen)}）</Text>
        {lines.map((l, i) => (
          <View key={i} className='ch-line'>
            <Input className='field__input ch-line__label' maxlength={40} placeholder={`用途 ${i + 1}`} value={l.label} onInput={(e) => setLine(i, { label: e.detail.value })} />
            <Input className='field__input ch-line__amount' type='digit' placeholder='金额（元）' value={l.yuan} onInput={(e) => setLine(i, { yuan: e.detail.value })} />
          </View>
        ))}
        <View className='link tap' role='button' onClick={() => setLines([...lines, { label: '', yuan: '' }])}>
          <Text>＋ 再加一条预算</Text>
        </View>
      </View>
      <Notice text={saving.error ?? existing.error} error />
      <View className='bottom-actions'>
        <Button loading={saving.busy} onClick={save}>{id ? '保存修改' : '保存草稿'}</Button>
      </View>
    </PageShell>
  );
}
