import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { ACTION_LABELS, INCOME_KIND_LABELS, PROGRAMME_DEFINITIONS, RELATION_LABELS, type ApplicationAction, type StaffApplicationView } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { staffAct, staffCase, type StaffStep } from '../../../../services/staffCases';
import { fenToYuan, yuanToFen } from '../../../../services/applications';
import { isApiError } from '../../../../services/request';
import { getTokens } from '../../../../services/tokens';
import '../../../assistance/components/applications.scss';

const STEP: Partial<Record<ApplicationAction, StaffStep>> = {
  accept: 'accept', requestSupplement: 'request-supplement', recordHomeVisit: 'home-visit', review: 'review', startPublicNotice: 'public-notice',
  raiseObjection: 'objection', approve: 'approve', reject: 'reject', grantFirst: 'grant-first', extendDeadline: 'extend',
};
const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : `${fenToYuan(fen)} 元`);

/** One case: the household, documents, timeline, and only the actions this staff member may take now. */
export default function StaffCasePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [c, setC] = useState<StaffApplicationView | null>(null);
  const [action, setAction] = useState<ApplicationAction | null>(null);
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [text, setText] = useState('');
  const [inv, setInv] = useState(['', '']);
  const [visitedOn, setVisitedOn] = useState(today());
  const [recommend, setRecommend] = useState<'approve' | 'reject'>('approve');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () => staffCase(id).then(setC).catch((e) => setError(isApiError(e) ? e.message : '读取失败'));
  useEffect(() => { void load(); }, [id]);

  function choose(a: ApplicationAction) {
    setAction(a); setError(null); setNote(''); setText('');
    if (a === 'review') setAmount(c?.estimate ? fenToYuan(c.estimate.monthlyAmountFen) : c?.proposedMonthlyAmountFen ? fenToYuan(c.proposedMonthlyAmountFen) : '');
    else if (a === 'approve') setAmount(fenToYuan(c?.proposedMonthlyAmountFen));
    else setAmount('');
  }

  async function confirm() {
    if (!c || !action || busy) return;
    const base: Record<string, unknown> = { expectedSequence: c.sequence, ...(note.trim() ? { note: note.trim() } : {}) };
    const fen = yuanToFen(amount);
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
    setBusy(true);
    try {
      await staffAct(c.id, STEP[action]!, body);
      Taro.showToast({ title: `已${ACTION_LABELS[action]}`, icon: 'success' });
      setAction(null);
      await load();
    } catch (e) {
      setError(isApiError(e) ? e.message : '操作失败，请重试');
      if (isApiError(e) && e.status === 409) await load();
    } finally {
      setBusy(false);
    }
  }

  async function openFile(fileId: string) {
    const base = typeof API_BASE_URL === 'string' ? API_BASE_URL : '';
    const r = await Taro.downloadFile({ url: `${base}/api/v1/files/${fileId}`, header: { Authorization: `Bearer ${getTokens()?.accessToken ?? ''}` } } as Taro.downloadFile.Option);
    if (r.statusCode !== 200) { setError('文件无法打开'); return; }
    Taro.previewImage({ urls: [r.tempFilePath] }).catch(() => Taro.openDocument({ filePath: r.tempFilePath }).catch(() => {}));
  }

  if (!c) return <PageShell className='staff-case'>{error ? <Text className='notice notice--error'>{error}</Text> : <Text>加载中…</Text>}</PageShell>;
  const def = PROGRAMME_DEFINITIONS[c.programme];
  const label = (item: string) => def.documents.find((d) => d.key === item)?.label ?? item;

  return (
    <PageShell className='staff-case'>
      <View className='card'>
        <Text className='card__title'>{c.applicantName} · {c.programmeName}</Text>
        <Text className='card__line'>身份证号：{c.applicantIdNumberMasked} · 地区 {c.regionCode}</Text>
        <Text className='card__line'>状态：<Text className='apl-tag apl-tag--amber' data-testid='case-status'>{c.statusLabel}</Text>{c.overdue ? <Text className='apl-tag apl-tag--red'>超期</Text> : null}</Text>
        {c.filedByHelper ? <Text className='card__line'>代办人：{c.helperRelation}</Text> : null}
        {c.deadlines.map((d) => <Text key={d.step} className='card__line'>{d.label}：{d.dueOn}{d.overdue ? '（已超期）' : ''}</Text>)}
        {c.grantedFirst ? <Text className='card__line'>已先行救助 {yuan(c.grantedFirst.amountFen)}{c.grantedFirst.paperworkPending ? '，待补手续' : ''}</Text> : null}
        {c.proposedMonthlyAmountFen !== null ? <Text className='card__line'>审核拟定金额：{yuan(c.proposedMonthlyAmountFen)}/月</Text> : null}
        {c.estimate ? <Text className='card__line apl-muted'>政策测算参考：{yuan(c.estimate.monthlyAmountFen)}/月</Text> : null}
      </View>
      <View className='card'>
        <Text className='card__title'>家庭情况（{c.householdSize} 人{c.hukou ? ` · ${c.hukou === 'urban' ? '城市' : '农村'}户籍` : ''}）</Text>
        {(c.form.members ?? []).map((m) => (
          <Text key={m.key} className='card__line'>
            {m.name}（{RELATION_LABELS[m.relation as keyof typeof RELATION_LABELS]}）{m.idNumberMasked ?? ''}{m.age !== undefined ? ` ${m.age}岁` : ''}{m.disabilityGrade ? ` 残疾${m.disabilityGrade}级` : ''}{m.seriousIllness ? ' 重病' : ''}
            {(m.incomes ?? []).map((i) => ` · ${INCOME_KIND_LABELS[i.kind as keyof typeof INCOME_KIND_LABELS]} ${fenToYuan(i.monthlyFen)}元/月`).join('')}
          </Text>
        ))}
        <Text className='card__line'>理由：{c.form.reason}</Text>
      </View>
      <View className='card'>
        <Text className='card__title'>申请材料</Text>
        {c.documents.map((d) => <View key={d.fileId + d.item} className='apl-row tap' onClick={() => openFile(d.fileId)}><Text>{label(d.item)}</Text><Text className='apl-muted'>查看 ›</Text></View>)}
      </View>
      <View className='card'>
        <Text className='card__title'>办理记录</Text>
        {c.timeline.map((t) => (
          <View key={t.sequence} className='apl-doc'>
            <Text>{t.label}{t.note ? `：${t.note}` : ''}</Text>
            {t.details.findings ? <Text className='apl-muted'>调查人：{(t.details.investigators as string[] | undefined)?.join('、')}；{String(t.details.findings)}</Text> : null}
            {t.details.missingDocuments ? <Text className='apl-muted'>需补正：{(t.details.missingDocuments as string[]).join('、')}</Text> : null}
            <Text className='apl-muted'>{t.at.slice(0, 10)}</Text>
          </View>
        ))}
      </View>

      {action ? (
        <View className='card' data-testid='action-form'>
          <Text className='card__title'>{ACTION_LABELS[action]}</Text>
          {action === 'recordHomeVisit' ? (
            <View>
              <View className='field'><Text className='field__label'>调查日期</Text><Input className='field__input' value={visitedOn} onInput={(e) => setVisitedOn(e.detail.value)} /></View>
              {inv.map((v, i) => <View key={i} className='field'><Text className='field__label'>调查人员 {i + 1}</Text><Input className='field__input' placeholder={`调查人员${i + 1}姓名`} value={v} onInput={(e) => setInv(inv.map((x, j) => (j === i ? e.detail.value : x)))} /></View>)}
            </View>
          ) : null}
          {action === 'review' ? (
            <View className='chips'>
              {(['approve', 'reject'] as const).map((r) => <View key={r} className={`chip tap ${recommend === r ? 'chip--on' : ''}`} onClick={() => setRecommend(r)}><Text>{r === 'approve' ? '建议批准' : '建议不予批准'}</Text></View>)}
            </View>
          ) : null}
          {['review', 'approve', 'grantFirst'].includes(action) ? (
            <View className='field'><Text className='field__label'>{action === 'grantFirst' ? '先行救助金额（元）' : c.programme === 'temporary' ? '救助金额（元）' : '每月金额（元）'}</Text><Input className='field__input' type='digit' placeholder='金额（元）' value={amount} onInput={(e) => setAmount(e.detail.value)} /></View>
          ) : null}
          {['requestSupplement', 'recordHomeVisit', 'reject', 'extendDeadline'].includes(action) ? (
            <View className='field'>
              <Text className='field__label'>{action === 'requestSupplement' ? '需补正的全部材料（每行一项）' : action === 'recordHomeVisit' ? '调查情况' : action === 'reject' ? '不予批准的理由（将送达申请人）' : '延期理由'}</Text>
              <Textarea className='apl-textarea' placeholder='请填写' value={text} onInput={(e) => setText(e.detail.value)} />
            </View>
          ) : null}
          <View className='field'><Text className='field__label'>{action === 'raiseObjection' ? '异议内容' : '备注（可选）'}</Text><Input className='field__input' placeholder='备注' value={note} onInput={(e) => setNote(e.detail.value)} /></View>
          {error ? <Text className='notice notice--error'>{error}</Text> : null}
          <Button className='btn btn--primary' loading={busy} onClick={confirm}>确认{ACTION_LABELS[action]}</Button>
          <Button className='btn btn--secondary' onClick={() => setAction(null)}>取消</Button>
        </View>
      ) : (
        <View className='bottom-actions'>
          {error ? <Text className='notice notice--error'>{error}</Text> : null}
          {c.allowedActions.length === 0 ? <Text className='apl-muted'>当前没有您可以办理的操作</Text> : null}
          {c.allowedActions.map((a) => <Button key={a} className={`btn ${a === 'reject' ? 'btn--secondary' : 'btn--primary'}`} onClick={() => choose(a)}>{ACTION_LABELS[a]}</Button>)}
        </View>
      )}
    </PageShell>
  );
}
