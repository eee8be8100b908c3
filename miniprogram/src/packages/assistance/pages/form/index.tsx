import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ApplicationDocument, ApplicationForm, DraftView, FormStepKey } from '@dajiuzhu/shared';
import { FORM_STEP_TITLES, PROGRAMME_DEFINITIONS } from '@dajiuzhu/shared/src/applications/programmes';
import { shanghaiDateTime } from '@dajiuzhu/shared/src/rules/date';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Loading, Notice } from '../../../../components/Notice';
import { errorText } from '../../../../components/errorText';
import { VerifyPrompt } from '../../../../components/VerifyPrompt';
import { isApiError } from '../../../../services/request';
import {
  getDraft,
  myDocuments,
  pickAndUpload,
  saveDraft,
  signCheckAuthorization,
  submitApplication,
  submitKeyFor,
  withdrawCheckAuthorization,
  type MyFile,
} from '../../../../services/applications';
import { checkAuthorizationBody } from '../../components/CheckAuthorization';
import { AssetsStep, IncomesStep, MembersStep, ReasonStep, type StepProps } from './HouseholdSteps';
import { ReviewStep } from './ReviewStep';
import '../../components/applications.scss';

type Step = FormStepKey | 'review';

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
  const [consentBusy, setConsentBusy] = useState(false);
  const [busy, setBusy] = useState(false);
  // A filing for someone else by a helper who has not verified themselves (403 APPLICATION_HELPER_UNVERIFIED).
  const [helperUnverified, setHelperUnverified] = useState(false);
  const loaded = useRef(false);
  const dirty = useRef(false);

  useEffect(() => {
    getDraft(id).then((d) => {
      if (d.submittedApplicationId) {
        Taro.redirectTo({ url: `/packages/assistance/pages/detail/index?id=${d.submittedApplicationId}` });
        return;
      }
      setDraft(d); setForm(d.form); setDocuments(d.documents); setStep(d.currentStep);
      // 开始申请 was tapped far down the checklist: the form starts at its top, not where that page was scrolled.
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => {});
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
    // persist is this render's (it reads this render's form): the save is due when the form changes, not when persist is remade.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, documents]);
  useEffect(() => {
    if (loaded.current && dirty.current) void persist();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as above: due when the step changes
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
  const change = (next: ApplicationForm) => { dirty.current = true; setForm(next); };
  const stepProps: StepProps = { def, programme: draft.programme, form, change };
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

  // Consent is what the server stored (the draft's `consent`), never a guess on the phone.
  const authorized = !!draft.consent;
  const problems = draft.problems.filter((p) => p.path !== '/consent');
  const ready = authorized && problems.length === 0 && !consentBusy;

  /** Submits the draft as saved, with the consent the person gave by their own tick (and nothing else). */
  async function submit() {
    if (busy || !ready) return;
    setBusy(true);
    setError(null);
    setHelperUnverified(false);
    try {
      const d = dirty.current ? await persist() : draft;
      if (!d) return;
      const app = await submitApplication(id, submitKeyFor(id));
      loaded.current = false; // submitted: no more autosaves
      Taro.showToast({ title: '申请已提交', icon: 'success' });
      Taro.redirectTo({ url: `/packages/assistance/pages/detail/index?id=${app.id}` });
    } catch (e) {
      if (isApiError(e) && e.code === 'APPLICATION_HELPER_UNVERIFIED') setHelperUnverified(true);
      setError(errorText(e, '提交失败，请稍后重试（再次提交不会重复申请）'));
    } finally {
      setBusy(false);
    }
  }

  /** A consent answer: the whole draft when it is the newest write, otherwise only its consent. */
  function applyConsent(mine: number, d: DraftView) {
    if (mine === writes.current) setDraft(d);
    else setDraft((cur) => (cur ? { ...cur, consent: d.consent } : d));
  }

  /**
   * The tick is the person's consent: ticking records it on the server (text version and moment),
   * unticking withdraws it. Pending changes are saved first, so the answer lists the problems of
   * the saved form.
   */
  async function toggleCheckAuthorization() {
    if (consentBusy || busy) return;
    setConsentBusy(true);
    setError(null);
    try {
      if (authorized) {
        const mine = ++writes.current;
        applyConsent(mine, await withdrawCheckAuthorization(id));
        return;
      }
      const saved = dirty.current ? await persist() : await lastSave.current;
      if (dirty.current && !saved) return; // the save failed: its error is on screen
      const mine = ++writes.current;
      applyConsent(mine, await signCheckAuthorization(id, checkAuthorizationBody()));
    } catch (e) {
      setError(errorText(e, authorized ? '取消授权未能保存，请重试' : '授权未能保存，请重试'));
    } finally {
      setConsentBusy(false);
    }
  }

  const fileName = (fileId: string) => files.find((f) => f.id === fileId)?.name ?? '已上传的文件';

  return (
    <PageShell className='apl-form'>
      <View className='apl-steps'>
        {steps.map((s, i) => (
          <Text key={s} className={`apl-steps__item ${i === step ? 'apl-steps__item--on' : ''}`} onClick={() => go(i)}>{i + 1}. {s === 'review' ? '确认提交' : FORM_STEP_TITLES[s]}</Text>
        ))}
      </View>
      <Text className='apl-muted'>{def.name} · 申请人 {draft.applicantName}{draft.onBehalfOf ? `（由${draft.onBehalfOf.relation}代办）` : ''}{savedAt ? ` · 已自动保存 ${savedAt}` : ''}</Text>

      {current === 'members' ? <MembersStep {...stepProps} /> : null}
      {current === 'incomes' ? <IncomesStep {...stepProps} /> : null}
      {current === 'assets' ? <AssetsStep {...stepProps} /> : null}
      {current === 'reason' ? <ReasonStep {...stepProps} /> : null}

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
        <ReviewStep def={def} form={form} documents={documents} problems={problems} authorized={authorized} consentBusy={consentBusy} onToggleConsent={toggleCheckAuthorization} />
      ) : null}

      {helperUnverified ? <VerifyPrompt what='代办' message='代他人申请前，请先完成本人实名核验。核验后回到这里提交即可。' /> : <Notice text={error} error />}
      <View className='bottom-actions'>
        {current === 'review' ? (
          <Button loading={busy} disabled={!ready} onClick={submit}>提交申请</Button>
        ) : (
          <Button onClick={() => go(step + 1)}>下一步</Button>
        )}
        {step > 0 ? <Button variant='secondary' onClick={() => go(step - 1)}>上一步</Button> : null}
      </View>
    </PageShell>
  );
}
