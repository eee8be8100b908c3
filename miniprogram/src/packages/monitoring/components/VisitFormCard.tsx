import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { AlertDetailView, RecordVisitBody } from '@dajiuzhu/shared';
import { programmeName } from '@dajiuzhu/shared/src/programmes';
import { CHECK_AUTHORIZATION } from '@dajiuzhu/shared/src/applications/programmes';
import { Button } from '../../../components/Button';
import { Chips } from '../../../components/Chips';
import { Notice } from '../../../components/Notice';
import { useAction } from '../../../components/hooks';
import { capturePhoto } from '../../../services/monitoring';
import { ENROL_PROGRAMME_CHOICES, OUTCOME_NEEDS, outcomeChoicesFor, newFormKey, prefilledVisitForm, visitBody, visitProblems, type VisitForm } from '../logic';
import { CheckRow } from './Controls';

interface Props {
  alert: AlertDetailView;
  submit: (body: RecordVisitBody) => Promise<AlertDetailView>;
  onDone: (next: AlertDetailView) => void;
}

/**
 * The visit form, one hand: what was seen, the household (prefilled from the data), photos, and the
 * outcome with the fields it needs. 纳入救助 takes the person's consent on this phone: their own
 * tick and their name written by them. One visitKey per form: a retried submit is the same visit.
 */
export function VisitFormCard({ alert, submit, onDone }: Props) {
  const [form, setForm] = useState<VisitForm>(() => prefilledVisitForm(alert.situation));
  const [visitKey] = useState(() => newFormKey('visit'));
  const [tried, setTried] = useState(false);
  const photo = useAction({ fallback: '照片上传失败，请重试' });
  const send = useAction({ fallback: '提交失败，请重试' });
  const set = (patch: Partial<VisitForm>) => setForm((f) => ({ ...f, ...patch }));
  const problems = visitProblems(form);
  const needs = form.outcome ? OUTCOME_NEEDS[form.outcome] : {};

  const addPhoto = () => photo.act(async () => {
    const stored = await capturePhoto();
    if (stored) setForm((f) => ({ ...f, photoFileIds: [...f.photoFileIds, stored.id].slice(0, 6) }));
  });
  const onSubmit = () => {
    setTried(true);
    if (problems.length > 0) return;
    void send.act(async () => onDone(await submit(visitBody(form, visitKey, new Date().toISOString()))), '已提交');
  };

  return (
    <View className='mon-visit' data-testid='visit-form'>
      <Text className='section-title'>登记核查</Text>
      <View className='field'>
        <Text className='field__label'>看到的情况</Text>
        <Textarea className='mon-textarea' placeholder='如：家中两位老人，老伴卧床，药费负担重' maxlength={1000} value={form.seen} onInput={(e) => set({ seen: e.detail.value })} />
      </View>
      <View className='field'>
        <Text className='field__label'>家庭人口（人）</Text>
        <Input className='field__input' type='number' placeholder='家庭人口' value={form.householdSize} onInput={(e) => set({ householdSize: e.detail.value })} />
      </View>
      <View className='field'>
        <Text className='field__label'>家庭月收入（元）</Text>
        <Input className='field__input' type='digit' placeholder='家庭月收入' value={form.householdIncome} onInput={(e) => set({ householdIncome: e.detail.value })} />
        <Text className='mon-muted'>已按部门数据预填，请按实际情况修改</Text>
      </View>
      <View className='field'>
        <Text className='field__label'>照片（可选，最多 6 张）</Text>
        <Text className='mon-muted' data-testid='photo-count'>{form.photoFileIds.length ? `已添加 ${form.photoFileIds.length} 张照片` : '还没有照片'}</Text>
        <Notice text={photo.error} error />
        {form.photoFileIds.length < 6 ? <Button variant='secondary' loading={photo.busy} onClick={addPhoto}>拍照</Button> : null}
      </View>

      <View className='field'>
        <Text className='field__label'>核查结果</Text>
        <Chips options={outcomeChoicesFor(alert)} value={form.outcome} onChange={(outcome) => set({ outcome })} testId='outcome-choice' />
      </View>
      {needs.programme ? (
        <View className='field'>
          <Text className='field__label'>代为申请的救助项目</Text>
          <Chips options={ENROL_PROGRAMME_CHOICES} value={form.programme} onChange={(programme) => set({ programme })} testId='programme-choice' />
        </View>
      ) : null}
      {needs.consent ? (
        <View className='field mon-consent' data-testid='consent'>
          <Text className='field__label'>请本人确认</Text>
          <Text>我同意由网格员代我提出{form.programme ? programmeName(form.programme) : '社会救助'}申请，并签署《{CHECK_AUTHORIZATION.title}》：</Text>
          <Text className='mon-muted' data-testid='check-authorization'>{CHECK_AUTHORIZATION.text}</Text>
          <CheckRow checked={form.consentAgreed} onChange={(consentAgreed) => set({ consentAgreed })} testId='consent-tick'>我已了解并同意</CheckRow>
          <Input className='field__input' placeholder='本人签名（请本人写姓名）' value={form.signedName} onInput={(e) => set({ signedName: e.detail.value })} />
        </View>
      ) : null}
      {needs.referTo ? (
        <View className='field'>
          <Text className='field__label'>转介给</Text>
          <Input className='field__input' placeholder='如：县慈善总会、县残联' value={form.referTo} onInput={(e) => set({ referTo: e.detail.value })} />
        </View>
      ) : null}
      {needs.reason ? (
        <View className='field'>
          <Text className='field__label'>{needs.reason === 'required' ? '无需救助的理由' : '说明（可选）'}</Text>
          <Textarea className='mon-textarea' placeholder={needs.reason === 'required' ? '如：子女已承担医疗费用' : '补充说明'} maxlength={300} value={form.reason} onInput={(e) => set({ reason: e.detail.value })} />
        </View>
      ) : null}

      <View className='bottom-actions mon-bottom'>
        {tried && problems.length > 0 ? <Text className='mon-warning' data-testid='visit-problems'>{problems.join('；')}</Text> : null}
        <Notice text={send.error} error />
        <Button loading={send.busy} onClick={onSubmit}>提交核查结果</Button>
      </View>
    </View>
  );
}
