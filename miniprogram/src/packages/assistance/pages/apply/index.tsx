import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { isRegionCode } from '@dajiuzhu/shared/src/rules/region';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { APPLICATION_PROGRAMMES, PROGRAMME_DEFINITIONS, type ApplicationProgramme } from '@dajiuzhu/shared/src/applications/programmes';
import { STEP_LABELS } from '@dajiuzhu/shared/src/applications/stateMachine';
import { PageShell } from '../../../../components/PageShell';
import { CheckRow } from '../../../../components/CheckRow';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { VerifyPrompt } from '../../../../components/VerifyPrompt';
import { useIdentity } from '../../../../components/useIdentity';
import { createDraft, listDrafts, listProgrammes } from '../../../../services/applications';
import { useSession } from '../../../../store/session';
import '../../components/applications.scss';

/** Type picker: each programme with who may apply, the steps and the document checklist, shown before starting. */
export default function ApplyPage() {
  const { user } = useSession();
  const programmes = useLoad(() => listProgrammes());
  const chains: Record<string, string[]> = Object.fromEntries((programmes.data?.programmes ?? []).map((p) => [p.programme, p.chain]));
  // 政策测算's 去申请 opens this page with ?programme=… already chosen.
  const { params } = useRouter();
  const [chosen, setChosen] = useState<ApplicationProgramme | null>(() => {
    const p = params?.programme;
    return p && (APPLICATION_PROGRAMMES as readonly string[]).includes(p) ? (p as ApplicationProgramme) : null;
  });
  // A tap on a programme opens its checklist below the list: bring it into view (issue 13: it opened two screens below the tap).
  // Also when 去申请 opened the page with the programme chosen: its checklist is what the person came for.
  const [scrollTick, setScrollTick] = useState(() => (chosen ? 1 : 0));
  useEffect(() => {
    if (!scrollTick) return;
    const t = setTimeout(() => {
      if (process.env.TARO_ENV === 'h5') {
        // H5: the element itself, whatever scrolls it (pageScrollTo's selector measures from the wrong parent there).
        const el = Array.from(document.querySelectorAll<HTMLElement>('#apply-checklist')).find((e) => e.offsetParent !== null);
        el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      } else {
        Taro.pageScrollTo({ selector: '#apply-checklist', duration: 300 }).catch(() => {});
      }
    }, 50);
    return () => clearTimeout(t);
  }, [scrollTick]);
  const choose = (p: ApplicationProgramme) => { setChosen(p); setScrollTick((n) => n + 1); };
  const drafts = useLoad(() => listDrafts(), [user], { enabled: !!user }).data?.drafts ?? [];
  const [forOther, setForOther] = useState(false);
  const [other, setOther] = useState({ name: '', idNumber: '', regionCode: '', relation: '' });
  const starting = useAction({ fallback: '开始申请失败，请稍后再试' });
  // Asked of the server on every show: coming back from 实名核验 finds it done.
  const helperUnverified = useIdentity().unverified;

  function start() {
    if (!chosen || starting.busy) return;
    starting.setError(null);
    if (!forOther && !user?.profile) {
      starting.setError('为本人申请需要先填写实名信息');
      return;
    }
    void starting.act(async () => {
      const d = await createDraft({ programme: chosen, ...(forOther ? { onBehalfOf: { name: other.name.trim(), idNumber: other.idNumber.trim().toUpperCase(), regionCode: other.regionCode.trim(), relation: other.relation.trim() } } : {}) });
      Taro.navigateTo({ url: `/packages/assistance/pages/form/index?id=${d.id}` });
    });
  }

  const def = chosen ? PROGRAMME_DEFINITIONS[chosen] : null;
  return (
    <PageShell className='apply'>
      {drafts.length > 0 ? (
        <View className='card'>
          <Text className='card__title'>未提交的申请</Text>
          {drafts.map((d) => (
            <View key={d.id} className='apl-row tap' onClick={() => Taro.navigateTo({ url: `/packages/assistance/pages/form/index?id=${d.id}` })}>
              <Text>{PROGRAMME_DEFINITIONS[d.programme].name}（{d.applicantName}）</Text>
              <Text className='apl-muted'>{d.updatedAt ? `${shanghaiDate(new Date(d.updatedAt))} 保存 · ` : ''}继续填写 ›</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Text className='section-title'>请选择要申请的救助项目</Text>
      {APPLICATION_PROGRAMMES.map((p) => (
        <View key={p} className={`btn btn--account tap ${chosen === p ? 'chip--on' : ''}`} role='radio' aria-checked={chosen === p} onClick={() => choose(p)}>
          <View className='btn__stack'>
            <Text className='btn__label'>{PROGRAMME_DEFINITIONS[p].name}</Text>
            <Text className='btn__hint'>{PROGRAMME_DEFINITIONS[p].whoMayApply}</Text>
          </View>
        </View>
      ))}
      {def ? (
        <View className='card' id='apply-checklist' data-testid='checklist'>
          <Text className='card__title'>{def.name}</Text>
          <Text className='card__line'>{def.summary}</Text>
          <Text className='card__line'>办理流程：{(chains[def.programme] ?? []).map((s) => STEP_LABELS[s as keyof typeof STEP_LABELS]).join(' → ')}</Text>
          <Text className='card__title' style={{ marginTop: '16px' }}>需要准备的材料</Text>
          {def.documents.map((d) => (
            <View key={d.key} className='apl-doc'>
              <Text>{d.required ? <Text className='apl-tag apl-tag--red'>必需</Text> : <Text className='apl-tag'>如有</Text>}{d.label}</Text>
              <Text className='apl-muted'>{d.hint}</Text>
            </View>
          ))}
          <CheckRow checked={forOther} onChange={setForOther} testId='for-other'>为他人代办（帮办代办）</CheckRow>
          {forOther ? (
            <View>
              {([['name', '申请人姓名'], ['idNumber', '申请人身份证号'], ['regionCode', '申请人所在地区代码（如 371402001）'], ['relation', '与申请人的关系（如 社区工作人员、子女）']] as const).map(([k, label]) => (
                <View key={k} className='field'>
                  <Text className='field__label'>{label}</Text>
                  <Input className='field__input' placeholder={label} value={other[k]} onInput={(e) => setOther({ ...other, [k]: e.detail.value })} />
                  {k === 'regionCode' && isRegionCode(other.regionCode.trim()) ? <Text className='apl-muted'>{regionName(other.regionCode.trim())}</Text> : null}
                </View>
              ))}
            </View>
          ) : null}
          {/* A helper files only once their own identity is verified (the server says so too: 403 APPLICATION_HELPER_UNVERIFIED). */}
          {forOther && (helperUnverified || starting.errorCode === 'APPLICATION_HELPER_UNVERIFIED') ? (
            <VerifyPrompt what='代办' message='代他人申请前，请先完成本人实名核验。' />
          ) : (
            <Notice text={starting.error} error />
          )}
          <Button loading={starting.busy} disabled={forOther && helperUnverified} onClick={start}>开始申请</Button>
        </View>
      ) : null}
    </PageShell>
  );
}
