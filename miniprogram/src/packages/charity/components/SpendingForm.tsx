import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { CharityProjectView, CharitySpendingKind, SpendingBody } from '@dajiuzhu/shared';
import { parseYuanInput } from '@dajiuzhu/shared/src/money';
import { isCalendarDate, shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { regionCovers } from '@dajiuzhu/shared/src/rules/region';
import { findIdNumberProblem, ID_NUMBER_PROBLEM_MESSAGES, normalizeIdNumber } from '@dajiuzhu/shared/src/rules/idNumber';
import { Button } from '../../../components/Button';
import { Chips, type Choice } from '../../../components/Chips';
import { Notice } from '../../../components/Notice';
import { useAction } from '../../../components/hooks';
import { charityApi, newRequestKey } from '../../../services/charity';
import { SPENDING_KIND_LABELS } from '../labels';

const KINDS: Choice<CharitySpendingKind>[] = (Object.keys(SPENDING_KIND_LABELS) as CharitySpendingKind[]).map((k) => ({ value: k, label: SPENDING_KIND_LABELS[k] }));

/**
 * One spending line. Aid to a named person (cash or in kind) takes their name and ID number: the
 * server keeps the number encrypted and books the aid in their 幸福清单; this form forgets the
 * number once the line is recorded, and the list shows the name masked.
 */
export function SpendingForm({ project, onDone, onCancel }: { project: CharityProjectView; onDone: () => void; onCancel: () => void }) {
  const [yuan, setYuan] = useState('');
  const [spentOn, setSpentOn] = useState(shanghaiDate());
  const [purpose, setPurpose] = useState('');
  const [lineId, setLineId] = useState(project.budgetLines[0]?.id ?? '');
  const [kind, setKind] = useState<CharitySpendingKind>('general');
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  // Whose staff publish the person's 幸福清单: a township/street or village/community inside the project's region.
  const [place, setPlace] = useState(/^\d{9}(\d{3})?$/.test(project.regionCode) ? project.regionCode : '');
  const [item, setItem] = useState('');
  const [people, setPeople] = useState('');
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const saving = useAction();
  const named = kind !== 'general';

  function record() {
    const amount = parseYuanInput(yuan);
    if ('problem' in amount) return saving.setError(amount.problem);
    if (!amount.fen) return saving.setError('请填写支出金额');
    if (!isCalendarDate(spentOn)) return saving.setError('请按 2026-12-01 的格式填写支出日期');
    if (purpose.trim().length < 2) return saving.setError('请写明用途');
    const id = normalizeIdNumber(idNumber);
    if (named) {
      if (name.trim().length < 2) return saving.setError('请填写受助人姓名');
      const problem = findIdNumberProblem(id, shanghaiDate());
      if (problem) return saving.setError(ID_NUMBER_PROBLEM_MESSAGES[problem]);
      if (!/^\d{9}(\d{3})?$/.test(place) || !regionCovers(project.regionCode, place)) return saving.setError('请填写受助人所在乡镇（街道）的9位代码，须在项目地区之内');
    }
    const body: SpendingBody = {
      requestKey, amountFen: amount.fen, spentOn, purpose: purpose.trim(), budgetLineId: lineId, kind,
      ...(named ? { beneficiary: { name: name.trim(), idNumber: id, regionCode: place } } : {}),
      ...(kind === 'inKind' && item.trim() ? { itemDescription: item.trim() } : {}),
      ...(!named && people.trim() ? { peopleHelped: Number(people.trim()) || 0 } : {}),
    };
    void saving.act(async () => {
      await charityApi.recordSpending(project.id, body);
      setIdNumber(''); setName(''); setRequestKey(newRequestKey());
      onDone();
    }, '已记录');
  }

  return (
    <View data-testid='spending-form'>
      <View className='field'>
        <Text className='field__label'>金额（元）</Text>
        <Input className='field__input' type='digit' placeholder='支出金额（元）' value={yuan} onInput={(e) => setYuan(e.detail.value)} />
        <Input className='field__input' placeholder='支出日期，如 2026-12-01' value={spentOn} onInput={(e) => setSpentOn(e.detail.value.trim())} />
        <Input className='field__input' maxlength={100} placeholder='用途，如 购买棉被 20 床' value={purpose} onInput={(e) => setPurpose(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field__label'>对应预算</Text>
        <Chips className='chips--wrap' options={project.budgetLines.map((b) => ({ value: b.id, label: b.label }))} value={lineId} onChange={(v) => setLineId(v ?? lineId)} testId='budget-line' />
      </View>
      <View className='field'>
        <Text className='field__label'>支出方式</Text>
        <Chips className='chips--wrap' options={KINDS} value={kind} onChange={(k) => setKind(k ?? kind)} testId='spending-kind' />
        {named ? (
          <>
            <Input className='field__input' maxlength={30} placeholder='受助人姓名' value={name} onInput={(e) => setName(e.detail.value)} />
            <Input className='field__input' type='number' maxlength={12} placeholder='受助人所在乡镇（街道）代码，如 371402001' value={place} onInput={(e) => setPlace(e.detail.value.trim())} />
            <Input className='field__input' type='idcard' maxlength={18} placeholder='受助人身份证号（记入其幸福清单，加密保存）' value={idNumber} onInput={(e) => setIdNumber(e.detail.value)} />
            {kind === 'inKind' ? <Input className='field__input' maxlength={100} placeholder='实物说明，如 棉被一床' value={item} onInput={(e) => setItem(e.detail.value)} /> : null}
          </>
        ) : (
          <Input className='field__input' type='number' placeholder='受助人数（可不填）' value={people} onInput={(e) => setPeople(e.detail.value)} />
        )}
      </View>
      <Notice text={saving.error} error />
      <View className='bottom-actions'>
        <Button loading={saving.busy} onClick={record}>记录这笔支出</Button>
        <Button variant='secondary' onClick={onCancel}>返回</Button>
      </View>
    </View>
  );
}
