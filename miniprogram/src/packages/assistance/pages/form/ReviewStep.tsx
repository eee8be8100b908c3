import { Text, View } from '@tarojs/components';
import type { ApplicationDocument, ApplicationForm } from '@dajiuzhu/shared';
import { RELATION_LABELS, type ProgrammeDefinition } from '@dajiuzhu/shared/src/applications/programmes';
import { CheckAuthorization } from '../../components/CheckAuthorization';

interface Props {
  def: ProgrammeDefinition;
  form: ApplicationForm;
  documents: ApplicationDocument[];
  /** What the saved draft still lacks (consent aside), as the server listed it. */
  problems: { path: string; message: string }[];
  authorized: boolean;
  consentBusy: boolean;
  onToggleConsent: () => void;
}

/** 确认提交: what will be sent, what is still missing, and the authorization the person ticks themselves. */
export function ReviewStep({ def, form, documents, problems, authorized, consentBusy, onToggleConsent }: Props) {
  const members = form.members ?? [];
  return (
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
      <CheckAuthorization checked={authorized} busy={consentBusy} onToggle={onToggleConsent} />
      {!authorized || problems.length > 0 ? (
        <Text className='apl-muted' data-testid='submit-hint'>
          {problems.length > 0 ? '请先补全上面列出的内容' : '请阅读授权书并勾选同意后提交'}
        </Text>
      ) : null}
    </View>
  );
}
