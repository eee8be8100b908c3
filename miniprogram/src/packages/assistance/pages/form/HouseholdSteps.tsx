import { Input, Text, Textarea, View } from '@tarojs/components';
import type { ApplicationForm, ApplicationMember, DraftView } from '@dajiuzhu/shared';
import {
  CHILD_STATUS_LABELS,
  INCOME_KIND_LABELS,
  MEMBER_RELATIONS,
  RELATION_LABELS,
  TEMPORARY_KIND_LABELS,
  type ProgrammeDefinition,
} from '@dajiuzhu/shared/src/applications/programmes';
import { formatYuan, parseYuanInput } from '@dajiuzhu/shared/src/money';
import { Button } from '../../../../components/Button';
import { Chips, choicesOf, type Choice } from '../../../../components/Chips';

/** The form's own steps (household, incomes, assets, reason): each edits the form and hands it to `change`. */

const YES_NO: Choice<boolean>[] = [{ value: true, label: '是' }, { value: false, label: '否' }];
const HUKOU: Choice<'urban' | 'rural'>[] = [{ value: 'urban', label: '城市' }, { value: 'rural', label: '农村' }];
// Optional answers carry an explicit 无 (a second tap on a chip never clears it: issue 13).
const GRADES: Choice<1 | 2 | 3 | 4 | undefined>[] = [{ value: undefined, label: '无' }, { value: 1, label: '一级' }, { value: 2, label: '二级' }, { value: 3, label: '三级' }, { value: 4, label: '四级' }];
const RELATIONS = MEMBER_RELATIONS.filter((r) => r !== 'self').map((r) => ({ value: r, label: RELATION_LABELS[r] }));
const INCOME_KINDS = choicesOf(INCOME_KIND_LABELS);
const CHILD_STATUSES: Choice<keyof typeof CHILD_STATUS_LABELS | undefined>[] = [{ value: undefined, label: '不适用' }, ...choicesOf(CHILD_STATUS_LABELS)];
const TEMPORARY_KINDS = choicesOf(TEMPORARY_KIND_LABELS);

/** Yuan as typed → fen, or null when empty or not an amount (the field then shows nothing). */
const fenOf = (text: string): number | null => {
  const parsed = parseYuanInput(text);
  return 'fen' in parsed ? parsed.fen : null;
};

export interface StepProps {
  def: ProgrammeDefinition;
  programme: DraftView['programme'];
  form: ApplicationForm;
  change: (next: ApplicationForm) => void;
}

function memberEditor(form: ApplicationForm, change: StepProps['change']) {
  const members = form.members ?? [];
  const setHouseholdMember = (i: number, m: Partial<ApplicationMember>) => change({ ...form, members: members.map((x, j) => (j === i ? { ...x, ...m } : x)) });
  return { members, setHouseholdMember };
}

export function MembersStep({ def, form, change }: StepProps) {
  const { members, setHouseholdMember } = memberEditor(form, change);
  return (
    <View>
      {def.household ? (
        <View className='field'>
          <Text className='field__label'>户籍类型</Text>
          <Chips options={HUKOU} value={form.hukou} onChange={(v) => change({ ...form, hukou: v })} />
        </View>
      ) : null}
      {members.map((m, i) => (
        <View key={m.key} className='card'>
          <Text className='card__title'>{m.relation === 'self' ? '申请人本人' : `家庭成员 ${i + 1}`}</Text>
          <View className='field'>
            <Text className='field__label'>姓名</Text>
            <Input className='field__input' placeholder='姓名' value={m.name} onInput={(e) => setHouseholdMember(i, { name: e.detail.value })} />
          </View>
          {m.relation !== 'self' ? (
            <>
              <View className='field'>
                <Text className='field__label'>与申请人关系</Text>
                <Chips options={RELATIONS} value={m.relation} onChange={(v) => setHouseholdMember(i, { relation: v ?? 'other' })} />
              </View>
              <View className='field'>
                <Text className='field__label'>身份证号{m.idNumberMasked ? `（已保存 ${m.idNumberMasked}）` : ''}</Text>
                <Input className='field__input' type='idcard' maxlength={18} placeholder={m.idNumberMasked ? '如需修改请重新输入' : '成员身份证号'} value={m.idNumber ?? ''} onInput={(e) => setHouseholdMember(i, { idNumber: e.detail.value || undefined })} />
              </View>
            </>
          ) : null}
          {def.memberFields.includes('age') ? (
            <View className='field'>
              <Text className='field__label'>年龄</Text>
              <Input className='field__input' type='number' placeholder='周岁' value={m.age === undefined ? '' : String(m.age)} onInput={(e) => setHouseholdMember(i, { age: e.detail.value ? Math.min(150, Number(e.detail.value)) : undefined })} />
            </View>
          ) : null}
          {def.memberFields.includes('canWork') ? <View className='field'><Text className='field__label'>有劳动能力</Text><Chips options={YES_NO} value={m.canWork} onChange={(v) => setHouseholdMember(i, { canWork: v })} /></View> : null}
          {def.memberFields.includes('hasSupporter') ? <View className='field'><Text className='field__label'>有法定赡养/抚养/扶养义务人</Text><Chips options={YES_NO} value={m.hasSupporter} onChange={(v) => setHouseholdMember(i, { hasSupporter: v })} /></View> : null}
          {def.memberFields.includes('disabilityGrade') ? <View className='field'><Text className='field__label'>残疾等级</Text><Chips options={GRADES} value={m.disabilityGrade} onChange={(v) => setHouseholdMember(i, { disabilityGrade: v })} /></View> : null}
          {def.memberFields.includes('seriousIllness') ? <View className='field'><Text className='field__label'>患重病</Text><Chips options={YES_NO} value={m.seriousIllness} onChange={(v) => setHouseholdMember(i, { seriousIllness: v })} /></View> : null}
          {def.memberFields.includes('childStatus') && m.relation === 'self' ? <View className='field'><Text className='field__label'>儿童情况</Text><Chips options={CHILD_STATUSES} value={m.childStatus} onChange={(v) => setHouseholdMember(i, { childStatus: v })} /></View> : null}
          {m.relation !== 'self' ? <View className='link tap' onClick={() => change({ ...form, members: members.filter((_, j) => j !== i) })}><Text className='apl-muted'>删除该成员</Text></View> : null}
        </View>
      ))}
      {def.household ? <Button variant='secondary' onClick={() => change({ ...form, members: [...members, { key: `m${Date.now().toString(36)}`, name: '', relation: 'spouse' }] })}>添加家庭成员</Button> : null}
    </View>
  );
}

export function IncomesStep({ form, change }: StepProps) {
  const { members, setHouseholdMember } = memberEditor(form, change);
  return (
    <View>
      <Text className='section-title'>填写每位成员的月收入（元）；没有收入可不填</Text>
      {members.map((m, i) => (
        <View key={m.key} className='card'>
          <Text className='card__title'>{m.name || `成员 ${i + 1}`}</Text>
          {(m.incomes ?? []).map((inc, k) => (
            <View key={k} className='field'>
              <Chips options={INCOME_KINDS} value={inc.kind} onChange={(v) => setHouseholdMember(i, { incomes: (m.incomes ?? []).map((x, j) => (j === k ? { ...x, kind: v ?? 'wage' } : x)) })} />
              <Input className='field__input' type='digit' placeholder='每月金额（元）' value={inc.monthlyFen ? formatYuan(inc.monthlyFen) : ''} onInput={(e) => setHouseholdMember(i, { incomes: (m.incomes ?? []).map((x, j) => (j === k ? { ...x, monthlyFen: fenOf(e.detail.value) ?? 0 } : x)) })} />
            </View>
          ))}
          <View className='link tap' onClick={() => setHouseholdMember(i, { incomes: [...(m.incomes ?? []), { kind: 'wage', monthlyFen: 0 }] })}><Text>＋ 添加一项收入</Text></View>
        </View>
      ))}
    </View>
  );
}

export function AssetsStep({ form, change }: StepProps) {
  return (
    <View>
      <View className='field'><Text className='field__label'>存款等金融资产（元）</Text><Input className='field__input' type='digit' placeholder='合计金额' value={form.assets?.savingsFen !== undefined ? formatYuan(form.assets.savingsFen) : ''} onInput={(e) => change({ ...form, assets: { ...form.assets, savingsFen: fenOf(e.detail.value) ?? undefined } })} /></View>
      <View className='field'><Text className='field__label'>房产（套）</Text><Input className='field__input' type='number' value={form.assets?.houses !== undefined ? String(form.assets.houses) : ''} onInput={(e) => change({ ...form, assets: { ...form.assets, houses: e.detail.value ? Number(e.detail.value) : undefined } })} /></View>
      <View className='field'><Text className='field__label'>机动车（辆）</Text><Input className='field__input' type='number' value={form.assets?.vehicles !== undefined ? String(form.assets.vehicles) : ''} onInput={(e) => change({ ...form, assets: { ...form.assets, vehicles: e.detail.value ? Number(e.detail.value) : undefined } })} /></View>
    </View>
  );
}

export function ReasonStep({ programme, form, change }: StepProps) {
  return (
    <View className='field'>
      {programme === 'temporary' ? (
        <View>
          <Text className='field__label'>临时救助类型</Text>
          <Chips options={TEMPORARY_KINDS} value={form.temporaryKind} onChange={(v) => change({ ...form, temporaryKind: v })} />
        </View>
      ) : null}
      <Text className='field__label'>申请理由</Text>
      <Textarea className='apl-textarea' placeholder='请简要说明家庭困难情况' maxlength={1000} value={form.reason ?? ''} onInput={(e) => change({ ...form, reason: e.detail.value })} />
    </View>
  );
}
