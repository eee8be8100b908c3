import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { ApplicationAction } from '@dajiuzhu/shared';
import { INCOME_KIND_LABELS, PROGRAMME_DEFINITIONS, RELATION_LABELS } from '@dajiuzhu/shared/src/applications/programmes';
import { ACTION_LABELS } from '@dajiuzhu/shared/src/applications/stateMachine';
import { formatYuan, formatYuanText, parseYuanInput } from '@dajiuzhu/shared/src/money';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips, type Choice } from '../../../../components/Chips';
import { Loading, Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { isApiError } from '../../../../services/request';
import { downloadApplicationFile, getStaffApplication, takeStaffStep, type StaffStep } from '../../../../services/staffApplications';
import { kindOfDownloaded, openPdf } from '../../../../services/files';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';
import { PhotoPreview } from '../../components/PhotoPreview';
import '../../../assistance/components/applications.scss';

const STEP: Partial<Record<ApplicationAction, StaffStep>> = {
  accept: 'accept', requestSupplement: 'request-supplement', recordHomeVisit: 'home-visit', review: 'review', startPublicNotice: 'public-notice',
  raiseObjection: 'objection', approve: 'approve', reject: 'reject', grantFirst: 'grant-first', extendDeadline: 'extend',
};
const RECOMMENDATIONS: Choice<'approve' | 'reject'>[] = [{ value: 'approve', label: '建议批准' }, { value: 'reject', label: '建议不予批准' }];

/** One application as staff see it: the household, documents, timeline, and only the actions this staff member may take now. */
export default function StaffApplicationPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const loaded = useLoad(() => getStaffApplication(id), [id], { fallback: '读取失败' });
  const application = loaded.data;
  const [action, setAction] = useState<ApplicationAction | null>(null);
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [text, setText] = useState('');
  const [inv, setInv] = useState(['', '']);
  const [visitedOn, setVisitedOn] = useState(shanghaiDate());
  const [recommend, setRecommend] = useState<'approve' | 'reject'>('approve');
  const step = useAction({ fallback: '操作失败，请重试' });
  const [fileError, setFileError] = useState<string | null>(null);
  // H5: the photo being looked at (an object URL), shown over the page with a 关闭 button.
  const [photo, setPhoto] = useState<string | null>(null);
  const error = step.error ?? fileError ?? loaded.error;

  function choose(a: ApplicationAction) {
    setAction(a); step.setError(null); setNote(''); setText('');
    const proposed = application?.proposedMonthlyAmountFen;
    if (a === 'review') setAmount(application?.estimate ? formatYuan(application.estimate.monthlyAmountFen) : proposed ? formatYuan(proposed) : '');
    else if (a === 'approve') setAmount(proposed === null || proposed === undefined ? '' : formatYuan(proposed));
    else setAmount('');
  }

  async function confirm() {
    if (!application || !action || step.busy) return;
    const base: Record<string, unknown> = { expectedSequence: application.sequence, ...(note.trim() ? { note: note.trim() } : {}) };
    const parsed = parseYuanInput(amount);
    if ('problem' in parsed && ['review', 'approve', 'grantFirst'].includes(action)) {
      step.setError(parsed.problem);
      return;
    }
    const fen = 'fen' in parsed ? parsed.fen : null;
    let body = base;
    switch (action) {
      case 'requestSupplement': body = { ...base, missingDocuments: text.split(/[\n、,，]/).map((s) => s.trim()).filter(Boolean) }; break;
      case 'recordHomeVisit': body = { ...base, visitedOn, investigators: inv.map((s) => s.trim()).filter(Boolean), findings: text.trim() }; break;
      case 'review': body = { ...base, recommendation: recommend, ...(fen !== null ? { proposedMonthlyAmountFen: fen } : {}) }; break;
      case 'raiseObjection': body = { ...base, note: note.trim() }; break;
      case 'approve': body = { ...base, ...(fen !== null ? { amountFen: fen } : {}) }; break;
      case 'reject': body = { ...base, reasons: text.trim() }; break;
      case 'grantFirst': body = { ...base, amountFen: fen ?? 0 }; break;
      case 'extendDeadline': body = { ...base, reason: text.trim() }; break;
      default: break;
    }
    const chosen = action;
    await step.act(async () => {
      try {
        await takeStaffStep(application.id, STEP[chosen]!, body);
      } catch (e) {
        if (isApiError(e) && e.status === 409) await loaded.reload(); // someone else moved it on: show the current state
        throw e;
      }
      Taro.showToast({ title: `已${ACTION_LABELS[chosen]}`, icon: 'success' });
      setAction(null);
      await loaded.reload();
    });
  }

  async function openFile(fileId: string) {
    setFileError(null);
    try {
      const file = await downloadApplicationFile(fileId);
      const kind = kindOfDownloaded(file);
      if (kind === 'pdf') await openPdf(file);
      else if (process.env.TARO_ENV === 'h5') setPhoto(file.filePath);
      else await Taro.previewImage({ urls: [file.filePath] });
    } catch {
      setFileError('文件无法打开');
    }
  }

  if (!application) return <PageShell className='staff-case'><Loading error={loaded.error} /></PageShell>;
  const def = PROGRAMME_DEFINITIONS[application.programme];
  const label = (item: string) => def.documents.find((d) => d.key === item)?.label ?? item;

  return (
    <PageShell className='staff-case'>
      {photo ? <PhotoPreview src={photo} onClose={() => { URL.revokeObjectURL(photo); setPhoto(null); }} /> : null}
      <View className='card'>
        <Text className='card__title'>{application.applicantName} · {application.programmeName}</Text>
        <Text className='card__line'>身份证号：{application.applicantIdNumberMasked} · {regionName(application.regionCode)}</Text>
        <Text className='card__line'>状态：<Text className='apl-tag apl-tag--amber' data-testid='case-status'>{application.statusLabel}</Text>{application.overdue ? <Text className='apl-tag apl-tag--red'>超期</Text> : null}</Text>
        {application.filedByHelper ? <Text className='card__line'>代办人：{application.helperRelation}{application.applicantConfirmed ? '' : '（申请人本人尚未确认）'}</Text> : null}
        {application.duplicateOf ? (
          <Text className='card__line apl-flag' data-testid='duplicate-flag'>重复申请：该申请人另有一份同类申请正在办理（编号 {application.duplicateOf}），请合并办理或不予批准</Text>
        ) : null}
        {application.deadlines.map((d) => <Text key={d.step} className='card__line'>{d.label}：{d.dueOn}{d.overdue ? '（已超期）' : ''}</Text>)}
        {application.grantedFirst ? <Text className='card__line'>已先行救助 {formatYuanText(application.grantedFirst.amountFen)}{application.grantedFirst.paperworkPending ? '，待补手续' : ''}</Text> : null}
        {application.proposedMonthlyAmountFen !== null ? <Text className='card__line'>审核拟定金额：{formatYuanText(application.proposedMonthlyAmountFen)}/月</Text> : null}
        {application.estimate ? <Text className='card__line apl-muted'>政策测算参考：{formatYuanText(application.estimate.monthlyAmountFen)}/月</Text> : null}
      </View>
      <View className='card'>
        <Text className='card__title'>家庭情况（{application.householdSize} 人{application.hukou ? ` · ${application.hukou === 'urban' ? '城市' : '农村'}户籍` : ''}）</Text>
        {(application.form.members ?? []).map((m) => (
          <Text key={m.key} className='card__line'>
            {m.name}（{RELATION_LABELS[m.relation as keyof typeof RELATION_LABELS]}）{m.idNumberMasked ?? ''}{m.age !== undefined ? ` ${m.age}岁` : ''}{m.disabilityGrade ? ` 残疾${m.disabilityGrade}级` : ''}{m.seriousIllness ? ' 重病' : ''}
            {(m.incomes ?? []).map((i) => ` · ${INCOME_KIND_LABELS[i.kind as keyof typeof INCOME_KIND_LABELS]} ${formatYuan(i.monthlyFen)}元/月`).join('')}
          </Text>
        ))}
        <Text className='card__line'>理由：{application.form.reason}</Text>
      </View>
      <View className='card'>
        <Text className='card__title'>申请材料</Text>
        {application.documents.map((d) => <View key={d.fileId + d.item} className='apl-row tap' onClick={() => openFile(d.fileId)}><Text>{label(d.item)}</Text><Text className='apl-muted'>查看 ›</Text></View>)}
      </View>
      <View className='card'>
        <Text className='card__title'>办理记录</Text>
        {application.timeline.map((t) => (
          <View key={t.sequence} className='apl-doc'>
            <Text>{t.label}{t.note ? `：${t.note}` : ''}</Text>
            {t.details.findings ? <Text className='apl-muted'>调查人：{(t.details.investigators as string[] | undefined)?.join('、')}；{String(t.details.findings)}</Text> : null}
            {t.details.missingDocuments ? <Text className='apl-muted'>需补正：{(t.details.missingDocuments as string[]).join('、')}</Text> : null}
            <Text className='apl-muted'>{shanghaiDate(new Date(t.at))}</Text>
          </View>
        ))}
      </View>

      {action ? (
        <View className='card' data-testid='action-form'>
          <Text className='card__title'>{ACTION_LABELS[action]}</Text>
          {action === 'accept' && application.filedByHelper && !application.applicantConfirmed ? (
            <Text className='card__line apl-flag' data-testid='accept-confirms'>受理即确认申请人本人意愿（已核对身份证件）</Text>
          ) : null}
          {action === 'recordHomeVisit' ? (
            <View>
              <View className='field'><Text className='field__label'>调查日期</Text><Input className='field__input' value={visitedOn} onInput={(e) => setVisitedOn(e.detail.value)} /></View>
              {inv.map((v, i) => <View key={i} className='field'><Text className='field__label'>调查人员 {i + 1}</Text><Input className='field__input' placeholder={`调查人员${i + 1}姓名`} value={v} onInput={(e) => setInv(inv.map((x, j) => (j === i ? e.detail.value : x)))} /></View>)}
            </View>
          ) : null}
          {action === 'review' ? (
            <Chips options={RECOMMENDATIONS} value={recommend} onChange={(r) => setRecommend(r ?? recommend)} />
          ) : null}
          {['review', 'approve', 'grantFirst'].includes(action) ? (
            <View className='field'><Text className='field__label'>{action === 'grantFirst' ? '先行救助金额（元）' : application.programme === 'temporary' ? '救助金额（元）' : '每月金额（元）'}</Text><Input className='field__input' type='digit' placeholder='金额（元）' value={amount} onInput={(e) => setAmount(e.detail.value)} /></View>
          ) : null}
          {['requestSupplement', 'recordHomeVisit', 'reject', 'extendDeadline'].includes(action) ? (
            <View className='field'>
              <Text className='field__label'>{action === 'requestSupplement' ? '需补正的全部材料（每行一项）' : action === 'recordHomeVisit' ? '调查情况' : action === 'reject' ? '不予批准的理由（将送达申请人）' : '延期理由'}</Text>
              <Textarea className='apl-textarea' placeholder='请填写' value={text} onInput={(e) => setText(e.detail.value)} />
            </View>
          ) : null}
          <View className='field'><Text className='field__label'>{action === 'raiseObjection' ? '异议内容' : '备注（可选）'}</Text><Input className='field__input' placeholder='备注' value={note} onInput={(e) => setNote(e.detail.value)} /></View>
          <Notice text={error} error />
          <Button loading={step.busy} onClick={confirm}>确认{ACTION_LABELS[action]}</Button>
          <Button variant='secondary' onClick={() => setAction(null)}>取消</Button>
        </View>
      ) : (
        <View className='bottom-actions'>
          <Notice text={error} error />
          {application.allowedActions.length === 0 ? <Text className='apl-muted'>当前没有您可以办理的操作</Text> : null}
          {application.allowedActions.map((a) => <Button key={a} variant={a === 'reject' ? 'secondary' : 'primary'} onClick={() => choose(a)}>{ACTION_LABELS[a]}</Button>)}
        </View>
      )}
    </PageShell>
  );
}
