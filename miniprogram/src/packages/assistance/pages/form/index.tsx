import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { ApplicationDocument, ApplicationForm, ApplicationMember, DraftView, FormStepKey } from '@dajiuzhu/shared';
import {
  CHECK_AUTHORIZATION,
  CHILD_STATUS_LABELS,
  FORM_STEP_TITLES,
  INCOME_KIND_LABELS,
  MEMBER_RELATIONS,
  PROGRAMME_DEFINITIONS,
  RELATION_LABELS,
  TEMPORARY_KIND_LABELS,
} from '@dajiuzhu/shared/src/applications/programmes';
import { formatYuan, parseYuanInput } from '@dajiuzhu/shared/src/money';
import { shanghaiDateTime } from '@dajiuzhu/shared/src/rules/date';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips, choicesOf, type Choice } from '../../../../components/Chips';
import { Loading, Notice } from '../../../../components/Notice';
import { errorText } from '../../../../components/errorText';
import { getDraft, signCheckAuthorization, myDocuments, pickAndUpload, saveDraft, submitApplication, submitKeyFor, type MyFile } from '../../../../services/applications';
import '../../components/applications.scss';

type Step = FormStepKey | 'review';
type HouseholdMember = ApplicationMember;

const YES_NO: Choice<boolean>[] = [{ value: true, label: '是' }, { value: false, label: '否' }];
const HUKOU: Choice<'urban' | 'rural'>[] = [{ value: 'urban', label: '城市' }, { value: 'rural', label: '农村' }];
const GRADES: Choice<1 | 2 | 3 | 4>[] = [{ value: 1, label: '一级' }, { value: 2, label: '二级' }, { value: 3, label: '三级' }, { value: 4, label: '四级' }];
const RELATIONS = MEMBER_RELATIONS.filter((r) => r !== 'self').map((r) => ({ value: r, label: RELATION_LABELS[r] }));
const INCOME_KINDS = choicesOf(INCOME_KIND_LABELS);
const CHILD_STATUSES = choicesOf(CHILD_STATUS_LABELS);
const TEMPORARY_KINDS = choicesOf(TEMPORARY_KIND_LABELS);

/** Yuan as typed → fen, or null when empty or not an amount (the field then shows nothing). */
const fenOf = (text: string): number | null => {
  const parsed = parseYuanInput(text);
  return 'fen' in parsed ? parsed.fen : null;
};

/** The multi-step form: saves as you go (resume on any device), review page, consent, submit. */
export default function FormPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [draft, setDraft] = useState<DraftView | null>(null);
  const [form, setForm] = useState<ApplicationForm>({});
  const [documents, setDocuments] = useState<ApplicationDocument[]>([]);
  const [step, setStep] = useState(0);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [files, setFiles] = useState<MyFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [authorized, setAuthorized] = useState(false);
  const [busy, setBusy] = useState(false);
  const loaded = useRef(false);
  const dirty = useRef(false);

  useEffect(() => {
    getDraft(id).then((d) => {
      if (d.submittedApplicationId) {
        Taro.redirectTo({ url: `/packages/assistance/pages/detail/index?id=${d.submittedApplicationId}` });
        return;
      }
      setDraft(d); setForm(d.form); setDocuments(d.documents); setStep(d.currentStep); setAuthorized(!!d.consent);
      loaded.current = true;
    }).catch((e) => setError(errorText(e, '读取草稿失败')));
    myDocuments().then((r) => setFiles(r.files)).catch(() => {});
  }, [id]);

  // Autosave: a moment after the last change of the form, and at once when the step changes (so the
  // review step lists the problems of what is really saved).
  useEffect(() => {
    if (!loaded.current || !dirty.current) return;
    const t = setTimeout(() => { if (dirty.current) void persist(); }, 700);
    return () => clearTimeout(t);
  }, [form, documents]);
  useEffect(() => {
    if (loaded.current && dirty.current) void persist();
  }, [step]);

  /** Every write answers with the whole draft (problems included); only the newest write's answer is shown. */
  const writes = useRef(0);
  const lastSave = useRef<Promise<DraftView | null>>(Promise.resolve(null));

  function persist(): Promise<DraftView | null> {
    if (!loaded.current) return Promise.resolve(null);
    const mine = ++writes.current;
    dirty.current = false; // a change made while saving marks it dirty again
    const saving = saveDraft(id, { form, documents, currentStep: step }).then(
      (d) => {
        if (mine === writes.current) {
          setDraft(d);
          setSavedAt(shanghaiDateTime(new Date()).slice(11)); // HH:mm
        }
        return d;
      },
      (e) => {
        dirty.current = true;
        setError(errorText(e, '自动保存失败，请检查网络'));
        return null;
      },
    );
    lastSave.current = saving;
    return saving;
  }

  if (!draft) return <PageShell className='apl-form'><Loading error={error} /></PageShell>;

  const def = PROGRAMME_DEFINITIONS[draft.programme];
  const steps: Step[] = [...def.steps, 'review'];
  const current = steps[Math.min(step, steps.length - 1)];
  const members = form.members ?? [];
  const change = (next: ApplicationForm) => { dirty.current = true; setForm(next); };
  const setHouseholdMember = (i: number, m: Partial<HouseholdMember>) => change({ ...form, members: members.map((x, j) => (j === i ? { ...x, ...m } : x)) });
  const go = (n: number) => { dirty.current = true; setStep(n); setError(null); Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => {}); };

  async function attach(item: string, file: MyFile) {
    dirty.current = true;
    setDocuments((ds) => [...ds.filter((d) => !(d.item === item && d.fileId === file.id)), { item, fileId: file.id }]);
  }
  async function upload(item: string) {
    setError(null);
    try {
      const f = await pickAndUpload();
      if (!f) return;
      setFiles((fs) => [f, ...fs]);
      await attach(item, f);
    } catch (e) {
      setError(errorText(e, '上传失败，请重试'));
    }
  }

  async function submit() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      let d = await persist();
      if (!d) return;
      if (!d.consent) d = await signCheckAuthorization(id, { textVersion: CHECK_AUTHORIZATION.version, agreed: true });
      const app = await submitApplication(id, submitKeyFor(id));
      loaded.current = false; // submitted: no more autosaves
      Taro.showToast({ title: '申请已提交', icon: 'success' });
      Taro.redirectTo({ url: `/packages/assistance/pages/detail/index?id=${app.id}` });
    } catch (e) {
      setError(errorText(e, '提交失败，请稍后重试（再次提交不会重复申请）'));
    } finally {
      setBusy(false);
    }
  }

  /**
   * Ticking the box signs the checkAuthorization: the server records the text version and the
   * moment. Pending changes are saved first, so the answer lists the problems of the saved form.
   */
  async function toggleCheckAuthorization() {
    if (authorized) { setAuthorized(false); return; }
    try {
      const saved = dirty.current ? await persist() : await lastSave.current;
      if (dirty.current && !saved) return; // the save failed: its error is on screen
      const mine = ++writes.current;
      const d = await signCheckAuthorization(id, { textVersion: CHECK_AUTHORIZATION.version, agreed: true });
      if (mine === writes.current) setDraft(d);
      setAuthorized(true);
    } catch (e) {
      setError(errorText(e, '授权未能保存，请重试'));
    }
  }

  const fileName = (fileId: string) => files.find((f) => f.id === fileId)?.name ?? '已上传的文件';
  const problems = draft.problems.filter((p) => p.path !== '/consent');

  return (
    <PageShell className='apl-form'>
      <View className='apl-steps'>
        {steps.map((s, i) => (
          <Text key={s} className={`apl-steps__item ${i === step ? 'apl-steps__item--on' : ''}`} onClick={() => go(i)}>{i + 1}. {s === 'review' ? '确认提交' : FORM_STEP_TITLES[s]}</Text>
        ))}
      </View>
      <Text className='apl-muted'>{def.name} · 申请人 {draft.applicantName}{draft.onBehalfOf ? `（由${draft.onBehalfOf.relation}代办）` : ''}{savedAt ? ` · 已自动保存 ${savedAt}` : ''}</Text>

      {current === 'members' ? (
        <View>
          {def.household ? (
            <View className='field'>
              <Text className='field__label'>户籍类型</Text>
              <Chips options={HUKOU} allowNone value={form.hukou} onChange={(v) => change({ ...form, hukou: v })} />
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
                    <Chips options={RELATIONS} allowNone value={m.relation} onChange={(v) => setHouseholdMember(i, { relation: v ?? 'other' })} />
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
              {def.memberFields.includes('canWork') ? <View className='field'><Text className='field__label'>有劳动能力</Text><Chips options={YES_NO} allowNone value={m.canWork} onChange={(v) => setHouseholdMember(i, { canWork: v })} /></View> : null}
              {def.memberFields.includes('hasSupporter') ? <View className='field'><Text className='field__label'>有法定赡养/抚养/扶养义务人</Text><Chips options={YES_NO} allowNone value={m.hasSupporter} onChange={(v) => setHouseholdMember(i, { hasSupporter: v })} /></View> : null}
              {def.memberFields.includes('disabilityGrade') ? <View className='field'><Text className='field__label'>残疾等级（无则不选）</Text><Chips options={GRADES} allowNone value={m.disabilityGrade} onChange={(v) => setHouseholdMember(i, { disabilityGrade: v })} /></View> : null}
              {def.memberFields.includes('seriousIllness') ? <View className='field'><Text className='field__label'>患重病</Text><Chips options={YES_NO} allowNone value={m.seriousIllness} onChange={(v) => setHouseholdMember(i, { seriousIllness: v })} /></View> : null}
              {def.memberFields.includes('childStatus') && m.relation === 'self' ? <View className='field'><Text className='field__label'>儿童情况</Text><Chips options={CHILD_STATUSES} allowNone value={m.childStatus} onChange={(v) => setHouseholdMember(i, { childStatus: v })} /></View> : null}
              {m.relation !== 'self' ? <View className='link tap' onClick={() => change({ ...form, members: members.filter((_, j) => j !== i) })}><Text className='apl-muted'>删除该成员</Text></View> : null}
            </View>
          ))}
          {def.household ? <Button variant='secondary' onClick={() => change({ ...form, members: [...members, { key: `m${Date.now().toString(36)}`, name: '', relation: 'spouse' }] })}>添加家庭成员</Button> : null}
        </View>
      ) : null}

      {current === 'incomes' ? (
        <View>
          <Text className='section-title'>填写每位成员的月收入（元）；没有收入可不填</Text>
          {members.map((m, i) => (
            <View key={m.key} className='card'>
              <Text className='card__title'>{m.name || `成员 ${i + 1}`}</Text>
              {(m.incomes ?? []).map((inc, k) => (
                <View key={k} className='field'>
                  <Chips options={INCOME_KINDS} allowNone value={inc.kind} onChange={(v) => setHouseholdMember(i, { incomes: (m.incomes ?? []).map((x, j) => (j === k ? { ...x, kind: v ?? 'wage' } : x)) })} />
                  <Input className='field__input' type='digit' placeholder='每月金额（元）' value={inc.monthlyFen ? formatYuan(inc.monthlyFen) : ''} onInput={(e) => setHouseholdMember(i, { incomes: (m.incomes ?? []).map((x, j) => (j === k ? { ...x, monthlyFen: fenOf(e.detail.value) ?? 0 } : x)) })} />
                </View>
              ))}
              <View className='link tap' onClick={() => setHouseholdMember(i, { incomes: [...(m.incomes ?? []), { kind: 'wage', monthlyFen: 0 }] })}><Text>＋ 添加一项收入</Text></View>
            </View>
          ))}
        </View>
      ) : null}

      {current === 'assets' ? (
        <View>
          <View className='field'><Text className='field__label'>存款等金融资产（元）</Text><Input className='field__input' type='digit' placeholder='合计金额' value={form.assets?.savingsFen !== undefined ? formatYuan(form.assets.savingsFen) : ''} onInput={(e) => change({ ...form, assets: { ...form.assets, savingsFen: fenOf(e.detail.value) ?? undefined } })} /></View>
          <View className='field'><Text className='field__label'>房产（套）</Text><Input className='field__input' type='number' value={form.assets?.houses !== undefined ? String(form.assets.houses) : ''} onInput={(e) => change({ ...form, assets: { ...form.assets, houses: e.detail.value ? Number(e.detail.value) : undefined } })} /></View>
          <View className='field'><Text className='field__label'>机动车（辆）</Text><Input className='field__input' type='number' value={form.assets?.vehicles !== undefined ? String(form.assets.vehicles) : ''} onInput={(e) => change({ ...form, assets: { ...form.assets, vehicles: e.detail.value ? Number(e.detail.value) : undefined } })} /></View>
        </View>
      ) : null}

      {current === 'reason' ? (
        <View className='field'>
          {draft.programme === 'temporary' ? (
            <View>
              <Text className='field__label'>临时救助类型</Text>
              <Chips options={TEMPORARY_KINDS} allowNone value={form.temporaryKind} onChange={(v) => change({ ...form, temporaryKind: v })} />
            </View>
          ) : null}
          <Text className='field__label'>申请理由</Text>
          <Textarea className='apl-textarea' placeholder='请简要说明家庭困难情况' maxlength={1000} value={form.reason ?? ''} onInput={(e) => change({ ...form, reason: e.detail.value })} />
        </View>
      ) : null}

      {current === 'documents' ? (
        <View>
          <Text className='section-title'>拍照或选择文件上传（照片或 PDF）；上传过的材料可以直接复用</Text>
          {def.documents.map((item) => {
            const attached = documents.filter((d) => d.item === item.key);
            return (
              <View key={item.key} className='card'>
                <Text className='card__title'>{item.required ? '（必需）' : '（如有）'}{item.label}</Text>
                <Text className='apl-muted'>{item.hint}</Text>
                {attached.map((d) => (
                  <View key={d.fileId} className='apl-row'>
                    <Text>✓ {fileName(d.fileId)}</Text>
                    <Text className='apl-muted tap' onClick={() => { dirty.current = true; setDocuments(documents.filter((x) => !(x.item === d.item && x.fileId === d.fileId))); }}>移除</Text>
                  </View>
                ))}
                <Button variant='secondary' onClick={() => upload(item.key)}>上传{item.label}</Button>
                {files.filter((f) => !attached.some((d) => d.fileId === f.id)).slice(0, 4).map((f) => (
                  <View key={f.id} className='apl-row tap' onClick={() => attach(item.key, f)}><Text className='apl-muted'>复用：{f.name}</Text><Text>选择</Text></View>
                ))}
              </View>
            );
          })}
        </View>
      ) : null}

      {current === 'review' ? (
        <View>
          <View className='card'>
            <Text className='card__title'>请核对申请内容</Text>
            <Text className='card__line'>项目：{def.name}</Text>
            {def.household ? <Text className='card__line'>户籍：{form.hukou === 'urban' ? '城市' : form.hukou === 'rural' ? '农村' : '未选择'}</Text> : null}
            <Text className='card__line'>家庭成员：{members.map((m) => `${m.name}（${RELATION_LABELS[m.relation]}）`).join('、')}</Text>
            <Text className='card__line'>申请理由：{form.reason || '未填写'}</Text>
            <Text className='card__line'>已上传材料：{documents.length} 份</Text>
            {problems.map((p) => <Text key={p.path + p.message} className='apl-problem'>· {p.message}</Text>)}
          </View>
          <View className='apl-consent'>
            <Text className='card__title'>{CHECK_AUTHORIZATION.title}</Text>
            <Text>{CHECK_AUTHORIZATION.text}</Text>
            <View className='apl-check tap' onClick={toggleCheckAuthorization} data-testid='consent'>
              <View className={`apl-check__box ${authorized ? 'apl-check__box--on' : ''}`}>{authorized ? '✓' : ''}</View>
              <Text>我已阅读并同意授权（版本 {CHECK_AUTHORIZATION.version}）</Text>
            </View>
          </View>
        </View>
      ) : null}

      <Notice text={error} error />
      <View className='bottom-actions'>
        {current === 'review' ? (
          <Button loading={busy} disabled={!authorized || problems.length > 0} onClick={submit}>提交申请</Button>
        ) : (
          <Button onClick={() => go(step + 1)}>下一步</Button>
        )}
        {step > 0 ? <Button variant='secondary' onClick={() => go(step - 1)}>上一步</Button> : null}
      </View>
    </PageShell>
  );
}
