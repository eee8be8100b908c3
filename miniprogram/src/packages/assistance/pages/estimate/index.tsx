import { useEffect, useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { DisabilityGrade, EstimateProgramme, EstimateResponse, EstimateResult, Hukou, IncomeKind, StandardsInEffect } from '@dajiuzhu/shared';
// The same pure function the server runs, imported from its own file (no TypeBox schemas pulled in by the index).
import { estimatePolicy } from '@dajiuzhu/shared/src/policy/estimate';
import { APPLICATION_PROGRAMMES, type ApplicationProgramme } from '@dajiuzhu/shared/src/applications/programmes';
import { isRegionCode } from '@dajiuzhu/shared/src/rules/region';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { formatYuan, parseYuanInput } from '@dajiuzhu/shared/src/money';
import { programmeName } from '@dajiuzhu/shared/src/programmes';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips, type Choice } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { errorText } from '../../../../components/errorText';
import { NETWORK_ERROR_MESSAGE } from '../../../../services/request';
import { CHILD_STATUSES, INCOME_KINDS, REGIONS, emptyHouseholdMember, isChild, parseAge, toRequest, type HouseholdMemberDraft } from './draft';
import { fetchStandards, officialEstimate } from './policyApi';
import '../../components/applications.scss';
import './estimate.scss';

const APPLY_URL = '/packages/assistance/pages/apply/index';
const applyable = (p: EstimateProgramme): p is EstimateProgramme & ApplicationProgramme => (APPLICATION_PROGRAMMES as readonly string[]).includes(p);

const INCOME_PLACEHOLDER: Record<IncomeKind, string> = {
  wage: '每月工资（元）',
  business: '每月经营收入（元）',
  property: '每月财产收入（元）',
  transfer: '每月转移性收入（元）',
  pension: '每月养老金（元）',
  assistance: '每月救助金（元）',
};

/** Money inputs: weapp's decimal keypad; on H5 a text input with a decimal keypad (a number input drops "12." while typing). */
const MONEY_INPUT_TYPE = process.env.TARO_ENV === 'weapp' ? 'digit' : 'text';

/** A failure of the standards or of 正式测算 in words; anything that is not the API's answer reads as the network's. */
const failureText = (e: unknown) => errorText(e, NETWORK_ERROR_MESSAGE);

const YES_NO_WORK: Choice<boolean | undefined>[] = [{ value: true, label: '能劳动' }, { value: false, label: '不能劳动' }];
const YES_NO_SUPPORTER: Choice<boolean | undefined>[] = [{ value: true, label: '有' }, { value: false, label: '没有' }];
const GRADES: Choice<0 | DisabilityGrade>[] = [
  { value: 0, label: '无' }, { value: 1, label: '一级' }, { value: 2, label: '二级' }, { value: 3, label: '三级' }, { value: 4, label: '四级' },
];
const ILLNESS: Choice<boolean>[] = [{ value: false, label: '否' }, { value: true, label: '是' }];
const HUKOU: Choice<Hukou>[] = [{ value: 'urban', label: '城镇' }, { value: 'rural', label: '农村' }];

function memberSummary(m: HouseholdMemberDraft): string {
  const age = parseAge(m.age);
  const parts = [age === undefined ? '未填年龄' : `${age}岁`];
  if (m.canWork === false) parts.push('不能劳动');
  if (m.disabilityGrade) parts.push(`残疾${GRADES[m.disabilityGrade].label}`);
  if (m.seriousIllness) parts.push('重病');
  let total = 0;
  for (const { kind } of INCOME_KINDS) {
    const p = parseYuanInput(m.incomes[kind]);
    if ('fen' in p) total += p.fen ?? 0;
  }
  parts.push(total ? `月收入 ${formatYuan(total)} 元` : '无收入');
  return parts.join(' · ');
}

function ResultCard({ result }: { result: EstimateResult }) {
  const [open, setOpen] = useState(false);
  const { programme, eligible } = result;
  const showReasons = eligible || open;
  return (
    <View className={`card est-result ${eligible ? 'est-result--yes' : 'est-result--no'}`} data-testid={`result-${programme}`}>
      <View className='est-result__head'>
        <Text className='est-result__name'>{programmeName(programme)}</Text>
        <Text className={eligible ? 'apl-tag apl-tag--green est-result__tag' : 'apl-tag est-result__tag'}>{eligible ? '可能符合' : '暂不符合'}</Text>
      </View>
      {eligible && result.monthlyAmountFen !== undefined ? (
        <Text className='apl-amount est-result__amount'>{formatYuan(result.monthlyAmountFen)} 元/月</Text>
      ) : null}
      {eligible && result.winterAmountFen !== undefined ? (
        <Text className='apl-amount est-result__amount'>{formatYuan(result.winterAmountFen)} 元/每个冬季</Text>
      ) : null}
      {result.memberIndexes?.length ? <Text className='card__line'>适用成员：{result.memberIndexes.map((i) => `成员${i + 1}`).join('、')}</Text> : null}
      {showReasons ? (
        <View className='est-reasons'>
          {result.reasons.map((r, i) => (
            <Text key={i} className='est-reasons__item'>{r}</Text>
          ))}
        </View>
      ) : (
        <View className='link tap est-result__more' onClick={() => setOpen(true)}>
          <Text>查看原因</Text>
        </View>
      )}
      {eligible && applyable(programme) ? (
        <Button className='est-apply' onClick={() => Taro.navigateTo({ url: `${APPLY_URL}?programme=${programme}` })}>
          去申请
        </Button>
      ) : null}
    </View>
  );
}

type StandardsState = { code: string; loading: boolean; standards?: StandardsInEffect; error?: string };

/** 政策测算: no sign-in. Instant results on the phone with the server's own estimate function; 正式测算 asks the server. */
export default function EstimatePage() {
  const [regionChoice, setRegionChoice] = useState<string>('');
  const [otherCode, setOtherCode] = useState('');
  const [hukou, setHukou] = useState<Hukou | ''>('');
  const [members, setMembers] = useState<HouseholdMemberDraft[]>(() => [emptyHouseholdMember()]);
  const [openKey, setOpenKey] = useState<number | null>(() => null);
  const [std, setStd] = useState<StandardsState | null>(null);
  const [retry, setRetry] = useState(0);
  const [official, setOfficial] = useState<{ key: string; response: EstimateResponse } | null>(null);
  const [officialBusy, setOfficialBusy] = useState(false);
  const [officialError, setOfficialError] = useState<{ key: string; message: string } | null>(null);
  const cache = useRef(new Map<string, StandardsInEffect>());

  const regionCode = regionChoice === 'other' ? otherCode.trim() : regionChoice;
  const codeValid = isRegionCode(regionCode);
  const editingKey = openKey ?? members[0]?.key ?? null;

  // The standards in effect, fetched once per region code.
  useEffect(() => {
    if (!codeValid) return;
    const cached = cache.current.get(regionCode);
    if (cached) {
      setStd({ code: regionCode, loading: false, standards: cached });
      return;
    }
    let live = true;
    setStd({ code: regionCode, loading: true });
    fetchStandards(regionCode)
      .then((s) => {
        cache.current.set(regionCode, s);
        if (live) setStd({ code: regionCode, loading: false, standards: s });
      })
      .catch((e) => {
        if (live) setStd({ code: regionCode, loading: false, error: failureText(e) });
      });
    return () => {
      live = false;
    };
  }, [regionCode, codeValid, retry]);

  const { request, problems } = useMemo(() => toRequest({ regionCode, hukou, members }), [regionCode, hukou, members]);
  const requestKey = request ? JSON.stringify(request) : '';
  const standards = std && std.code === regionCode ? std.standards : undefined;

  const local = useMemo(() => {
    if (!request || !standards) return null;
    try {
      return estimatePolicy(request, standards, shanghaiDate());
    } catch {
      return null;
    }
  }, [request, standards]);

  const shownOfficial = official && official.key === requestKey ? official.response : null;
  const shown = shownOfficial ?? local;

  const setMember = (key: number, patch: Partial<HouseholdMemberDraft>) => setMembers((ms) => ms.map((m) => (m.key === key ? { ...m, ...patch } : m)));
  const setIncome = (key: number, kind: IncomeKind, text: string) =>
    setMembers((ms) => ms.map((m) => (m.key === key ? { ...m, incomes: { ...m.incomes, [kind]: text } } : m)));

  function addMember() {
    const m = emptyHouseholdMember();
    setMembers((ms) => [...ms, m]);
    setOpenKey(m.key);
  }
  function removeMember(key: number) {
    setMembers((ms) => ms.filter((m) => m.key !== key));
    setOpenKey(null);
  }

  async function askServer() {
    if (!request || officialBusy) return;
    const key = requestKey;
    setOfficialBusy(true);
    setOfficialError(null);
    try {
      const response = await officialEstimate(request);
      setOfficial({ key, response });
    } catch (e) {
      setOfficialError({ key, message: failureText(e) });
    } finally {
      setOfficialBusy(false);
    }
  }

  const missing: string[] = [];
  if (problems.region) missing.push(regionCode ? '正确的地区代码' : '所在地区');
  if (problems.hukou) missing.push('户籍');
  if (Object.keys(problems).some((k) => k.endsWith('.age'))) missing.push('每位成员的年龄');
  if (Object.keys(problems).some((k) => /\.(wage|business|property|transfer|pension|assistance)$/.test(k))) missing.push('正确的收入金额');

  const results = shown ? [...shown.results].sort((a, b) => Number(b.eligible) - Number(a.eligible)) : [];

  return (
    // Public page: no demo sign-in prompt.
    <PageShell className='estimate' promptSignIn={false}>
      <View className='card est-intro'>
        <Text className='card__title'>政策测算</Text>
        <Text className='card__line'>填写家庭情况，马上估算可能享受的救助项目和金额。无需登录，不保存您填写的信息。</Text>
      </View>

      <View className='field'>
        <Text className='field__label'>所在地区</Text>
        <Chips
          testId='region'
          options={[...REGIONS.map((r) => ({ value: r.code, label: r.name })), { value: 'other', label: '其他地区' }]}
          value={regionChoice}
          onChange={(v) => setRegionChoice(v ?? '')}
        />
        {regionChoice === 'other' ? (
          <Input className='field__input' type='number' maxlength={12} placeholder='请输入地区代码，如 371402' value={otherCode} onInput={(e) => setOtherCode(e.detail.value)} />
        ) : null}
        {regionChoice === 'other' && otherCode.trim() && problems.region ? <Text className='field__error'>{problems.region}</Text> : null}
        {codeValid && std?.code === regionCode && std.loading ? <Notice text='正在获取当地救助标准…' /> : null}
        {codeValid && std?.code === regionCode && std.error ? (
          <View>
            <Notice text={std.error} error />
            {std.error === NETWORK_ERROR_MESSAGE ? (
              <View className='link tap' onClick={() => setRetry((n) => n + 1)}>
                <Text>重新获取</Text>
              </View>
            ) : null}
          </View>
        ) : null}
        {standards ? <Notice className='est-muted' text={`${standards.regionName}救助标准，${standards.effectiveFrom} 起执行`} /> : null}
      </View>

      <View className='field'>
        <Text className='field__label'>户籍</Text>
        <Chips testId='hukou' options={HUKOU} value={hukou || undefined} onChange={(v) => setHukou(v ?? '')} />
      </View>

      <Text className='section-title'>家庭成员（共 {members.length} 人，一人一项填写）</Text>
      {members.map((m, i) =>
        m.key === editingKey ? (
          <View key={m.key} className='card est-member' data-testid='member-editor'>
            <View className='est-member__head'>
              <Text className='card__title'>成员{i + 1}{i === 0 ? '（本人）' : ''}</Text>
              {members.length > 1 ? (
                <View className='est-member__remove tap' onClick={() => removeMember(m.key)}>
                  <Text>删除此成员</Text>
                </View>
              ) : null}
            </View>

            <Text className='field__label'>年龄（周岁）</Text>
            <Input className='field__input' type='number' maxlength={3} placeholder='年龄（周岁）' value={m.age} onInput={(e) => setMember(m.key, { age: e.detail.value })} />
            {m.age.trim() && problems[`${m.key}.age`] ? <Text className='field__error'>{problems[`${m.key}.age`]}</Text> : null}

            <Text className='field__label est-gap'>能否劳动</Text>
            <Chips options={YES_NO_WORK} value={m.canWork} onChange={(v) => setMember(m.key, { canWork: v })} />

            <Text className='field__label est-gap'>有没有赡养、抚养或扶养的人</Text>
            <Chips options={YES_NO_SUPPORTER} value={m.hasSupporter} onChange={(v) => setMember(m.key, { hasSupporter: v })} />

            <Text className='field__label est-gap'>残疾等级</Text>
            <Chips options={GRADES} value={m.disabilityGrade} onChange={(v) => setMember(m.key, { disabilityGrade: v ?? 0 })} />

            <Text className='field__label est-gap'>是否患重病</Text>
            <Chips options={ILLNESS} value={m.seriousIllness} onChange={(v) => setMember(m.key, { seriousIllness: v ?? false })} />

            {isChild(m) ? (
              <View>
                <Text className='field__label est-gap'>儿童情况</Text>
                <Chips
                  options={[{ value: undefined, label: '都不是' }, ...CHILD_STATUSES]}
                  value={m.childStatus}
                  onChange={(v) => setMember(m.key, { childStatus: v })}
                />
              </View>
            ) : null}

            <Text className='field__label est-gap'>每月收入（元），没有的不用填</Text>
            {INCOME_KINDS.map(({ kind, label }) => (
              <View key={kind} className='est-income'>
                <Text className='est-income__label'>{label}</Text>
                <Input
                  className='field__input est-income__input'
                  type={MONEY_INPUT_TYPE}
                  nativeProps={{ inputMode: 'decimal' }}
                  placeholder={INCOME_PLACEHOLDER[kind]}
                  value={m.incomes[kind]}
                  onInput={(e) => setIncome(m.key, kind, e.detail.value)}
                />
                {problems[`${m.key}.${kind}`] ? <Text className='field__error'>{problems[`${m.key}.${kind}`]}</Text> : null}
              </View>
            ))}
          </View>
        ) : (
          <View key={m.key} className='card est-member est-member--closed tap' data-testid='member-summary' onClick={() => setOpenKey(m.key)}>
            <Text className='est-member__title'>成员{i + 1}{i === 0 ? '（本人）' : ''}</Text>
            <Text className='est-muted'>{memberSummary(m)}</Text>
            <Text className='est-member__edit'>修改 ›</Text>
          </View>
        ),
      )}
      {members.length < 20 ? (
        <Button variant='secondary' onClick={addMember}>
          ＋ 添加家庭成员
        </Button>
      ) : null}

      <View className='est-results' data-testid='results'>
        <Text className='section-title est-results__title'>{shownOfficial ? '正式测算结果（以此为准）' : '测算结果（随填随算）'}</Text>
        <View className='est-disclaimer'>
          <Text>这只是测算，不是审批决定。能否享受、金额多少，以民政部门家庭经济状况核对和审核审批结果为准。</Text>
        </View>
        {!request ? <Notice text={`请先填写：${missing.join('、') || '家庭情况'}`} /> : null}
        {request && codeValid && !standards && !std?.error ? <Notice text='正在获取当地救助标准…' /> : null}
        {shownOfficial ? <Notice className='est-muted' text={`${shownOfficial.regionName} · 测算日期 ${shownOfficial.date} · 标准 ${shownOfficial.effectiveFrom} 起执行`} /> : null}
        {results.map((r) => (
          <ResultCard key={r.programme} result={r} />
        ))}
        {officialError && officialError.key === requestKey ? <Notice text={officialError.message} error /> : null}
        {request ? (
          <Button className='est-official' loading={officialBusy} disabled={!!shownOfficial} onClick={askServer}>
            {shownOfficial ? '已完成正式测算' : '正式测算'}
          </Button>
        ) : null}
      </View>
    </PageShell>
  );
}
