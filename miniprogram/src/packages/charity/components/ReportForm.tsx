import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { CharityReportKind } from '@dajiuzhu/shared';
import { Button } from '../../../components/Button';
import { Chips, type Choice } from '../../../components/Chips';
import { Notice } from '../../../components/Notice';
import { useAction } from '../../../components/hooks';
import { charityApi, newRequestKey } from '../../../services/charity';
import { REPORT_KIND_LABELS } from '../labels';

const KINDS: Choice<CharityReportKind>[] = [{ value: 'progress', label: REPORT_KIND_LABELS.progress }, { value: 'final', label: REPORT_KIND_LABELS.final }];

/** A progress or final report: published on the project page, and every donor of the project is told. */
export function ReportForm({ projectId, onDone, onCancel }: { projectId: string; onDone: () => void; onCancel: () => void }) {
  const [kind, setKind] = useState<CharityReportKind>('progress');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [requestKey] = useState(newRequestKey);
  const filing = useAction();

  function file() {
    if (title.trim().length < 2) return filing.setError('请填写报告标题');
    if (body.trim().length < 10) return filing.setError('报告正文至少写 10 个字');
    void filing.act(async () => {
      await charityApi.fileReport(projectId, { requestKey, kind, title: title.trim(), body: body.trim() });
      onDone();
    }, '报告已发布');
  }

  return (
    <View data-testid='report-form'>
      <View className='field'>
        <Text className='field__label'>报告类型</Text>
        <Chips options={KINDS} value={kind} onChange={(k) => setKind(k ?? kind)} testId='report-kind' />
        <Input className='field__input' maxlength={60} placeholder='报告标题，如 2026年第四季度进展' value={title} onInput={(e) => setTitle(e.detail.value)} />
        <Textarea className='ch-textarea' maxlength={5000} placeholder='进展、支出、受助情况（不写受助人的身份证号、电话、住址）' value={body} onInput={(e) => setBody(e.detail.value)} />
      </View>
      <Text className='section-title'>发布后，所有捐赠人会收到通知。</Text>
      <Notice text={filing.error} error />
      <View className='bottom-actions'>
        <Button loading={filing.busy} onClick={file}>发布报告</Button>
        <Button variant='secondary' onClick={onCancel}>返回</Button>
      </View>
    </View>
  );
}
