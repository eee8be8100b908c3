import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { RecheckOutcome, RecheckView, StopCause } from '@dajiuzhu/shared';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { shanghaiDate, shanghaiMonth } from '@dajiuzhu/shared/src/rules/date';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips } from '../../../../components/Chips';
import { Notice, Loading } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { recheckApi } from '../../../../services/recheck';
import { yuanToFen } from '../../logic';

const OUTCOMES: { value: RecheckOutcome; label: string }[] = [{ value: 'continue', label: '继续保障' }, { value: 'adjust', label: '调整金额' }, { value: 'stop', label: '停止保障' }];
const CAUSES: { value: StopCause; label: string }[] = [
  { value: 'incomeFromWork', label: '务工收入增加（渐退）' }, { value: 'incomeAboveStandard', label: '收入超标' }, { value: 'death', label: '死亡' },
  { value: 'movedAway', label: '迁出' }, { value: 'assets', label: '资产超标' }, { value: 'other', label: '其他' },
];
const YES_NO = [{ value: true, label: '稳定（一年一复核）' }, { value: false, label: '不稳定（半年一复核）' }];
const HUKOU = [{ value: 'urban' as const, label: '城市' }, { value: 'rural' as const, label: '农村' }];

/** One recheck: what triggered it, then only the step the state machine allows now (data check → visit → decision). */
export default function RecheckCasePage() {
  const id = useRouter().params?.id ?? '';
  const recheck = useLoad(() => recheckApi.get(id), [id]);
  const step = useAction({ fallback: '提交失败，请重试', onDone: () => void recheck.reload() });
  const r = recheck.data;
  const [hukou, setHukou] = useState<'urban' | 'rural' | undefined>('urban');
  const [size, setSize] = useState('');
  const [income, setIncome] = useState('');
  const [stable, setStable] = useState<boolean | undefined>();
  const [findings, setFindings] = useState('');
  const [investigators, setInvestigators] = useState('');
  const [outcome, setOutcome] = useState<RecheckOutcome | undefined>();
  const [fromMonth, setFromMonth] = useState(shanghaiMonth());
  const [amount, setAmount] = useState('');
  const [reasons, setReasons] = useState('');
  const [cause, setCause] = useState<StopCause | undefined>();
  if (!r) return <PageShell className='recheck-case'><Loading error={recheck.error} /></PageShell>;
  const allowed = (a: RecheckView['allowedActions'][number]) => r.allowedActions.includes(a);
  const lines = reasons.split('\n').map((l) => l.trim()).filter(Boolean);

  return (
    <PageShell className='recheck-case'>
      <View className='card' data-testid='recheck-summary'>
        <Text className='card__title'>{r.beneficiaryName} · {r.programmeName}</Text>
        <Text className='card__line'>{r.beneficiaryIdNumberMasked} · {r.triggerLabel} · {r.statusLabel}</Text>
        <Text className='card__line'>{r.reason}</Text>
        <Text className='card__line'>期限 {r.deadline}{r.overdue ? '（已超期）' : ''} · 现每月 {formatYuanText(r.currentMonthlyAmountFen)}</Text>
        {r.decision ? <Text className='card__line'>结论：{OUTCOMES.find((o) => o.value === r.decision!.outcome)?.label}{r.decision.endFromMonth ? `，${r.decision.endFromMonth} 起停发` : ''}{r.decision.monthlyAmountFen ? `，每月 ${formatYuanText(r.decision.monthlyAmountFen)}` : ''}</Text> : null}
        {r.decision?.reasons.map((l, i) => <Text key={i} className='card__line'>· {l}</Text>)}
        {r.notice ? <Text className='card__line'>退出公示 {r.notice.startsOn} 至 {r.notice.endsOn}</Text> : null}
      </View>
      <Notice text={step.error} error />
      {allowed('recordDataCheck') ? (
        <View className='card' data-testid='data-check'>
          <Text className='card__title'>数据核对</Text>
          <Chips options={HUKOU} value={hukou} onChange={setHukou} />
          <View className='field'><Text className='field__label'>家庭人口</Text><Input className='field__input' type='number' placeholder='家庭人口（人）' value={size} onInput={(e) => setSize(e.detail.value)} /></View>
          <View className='field'><Text className='field__label'>核对的家庭月收入（元）</Text><Input className='field__input' type='digit' placeholder='家庭月收入（元）' value={income} onInput={(e) => setIncome(e.detail.value)} /></View>
          <Chips options={YES_NO} value={stable} onChange={setStable} />
          <View className='field'><Text className='field__label'>核对情况</Text><Textarea className='field__input' placeholder='核对情况，如：老伴开始领取养老金' value={findings} maxlength={1000} onInput={(e) => setFindings(e.detail.value)} /></View>
          <Button loading={step.busy} onClick={() => {
            const fen = yuanToFen(income) ?? (income.trim() === '0' ? 0 : null);
            if (!hukou || !Number(size) || fen === null || stable === undefined || !findings.trim()) { step.setError('请填写完整：户籍、人口、收入、是否稳定、核对情况'); return; }
            void step.act(() => recheckApi.dataCheck(id, { hukou, householdSize: Number(size), monthlyIncomeFen: fen, householdStable: stable, findings: findings.trim() }), '已登记');
          }}>登记数据核对</Button>
        </View>
      ) : null}
      {allowed('recordVisit') ? (
        <View className='card' data-testid='visit'>
          <Text className='card__title'>入户调查（需要时）</Text>
          <View className='field'><Text className='field__label'>调查人（至少两人，用逗号分开）</Text><Input className='field__input' placeholder='调查人，如：张伟，刘芳' value={investigators} onInput={(e) => setInvestigators(e.detail.value)} /></View>
          <Button variant='secondary' loading={step.busy} onClick={() => {
            const names = investigators.split(/[,，、\s]+/).filter(Boolean);
            if (names.length < 2 || !findings.trim()) { step.setError('入户调查至少两人，并填写核对情况'); return; }
            void step.act(() => recheckApi.visit(id, { visitedOn: shanghaiDate(), investigators: names.slice(0, 5), findings: findings.trim() }), '已登记');
          }}>登记入户调查</Button>
        </View>
      ) : null}
      {allowed('decide') ? (
        <View className='card' data-testid='decision'>
          <Text className='card__title'>复核结论</Text>
          <Chips options={OUTCOMES} value={outcome} onChange={setOutcome} />
          {outcome === 'adjust' ? (
            <>
              <View className='field'><Text className='field__label'>自哪个月起（YYYY-MM）</Text><Input className='field__input' placeholder='起始月份，如 2027-01' value={fromMonth} onInput={(e) => setFromMonth(e.detail.value)} /></View>
              <View className='field'><Text className='field__label'>新的月金额（元）</Text><Input className='field__input' type='digit' placeholder='新的月金额（元）' value={amount} onInput={(e) => setAmount(e.detail.value)} /></View>
            </>
          ) : null}
          {outcome === 'stop' ? <Chips options={CAUSES} value={cause} onChange={setCause} /> : null}
          {outcome && outcome !== 'continue' ? (
            <View className='field'><Text className='field__label'>理由（每行一条，将写入告知书）</Text><Textarea className='field__input' placeholder='理由，每行一条' value={reasons} maxlength={2000} onInput={(e) => setReasons(e.detail.value)} /></View>
          ) : null}
          <Button loading={step.busy} onClick={() => {
            if (!outcome) { step.setError('请选择复核结论'); return; }
            if (outcome !== 'continue' && !lines.length) { step.setError('调整或停止保障必须逐条写明理由'); return; }
            const fen = yuanToFen(amount);
            if (outcome === 'adjust' && fen === null) { step.setError('请填写新的月金额'); return; }
            void step.act(() => recheckApi.decide(id, { outcome, reasons: lines, ...(outcome === 'adjust' ? { fromMonth, monthlyAmountFen: fen! } : {}), ...(outcome === 'stop' && cause ? { stopCause: cause } : {}) }), '已办结');
          }}>提交结论</Button>
        </View>
      ) : null}
    </PageShell>
  );
}
