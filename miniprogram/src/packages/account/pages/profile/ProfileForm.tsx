import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { Hukou } from '@dajiuzhu/shared';
import { saveProfile } from '../../../../services/me';
import { Button } from '../../../../components/Button';
import { Chips, type Choice } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { useAction } from '../../../../components/hooks';
import { setUser } from '../../../../store/session';
import { DEMO_REGIONS, checkAll, checkField, toProfileInput, type ProfileDraft, type ProfileErrors, type ProfileField } from './validate';

const EMPTY: ProfileDraft = { name: '', idNumber: '', phone: '', hukou: '', regionCode: '' };

const HUKOU_OPTIONS: Choice<Hukou>[] = [
  { value: 'urban', label: '城镇' },
  { value: 'rural', label: '农村' },
];
const REGION_OPTIONS: Choice<string>[] = DEMO_REGIONS.map((r) => ({ value: r.code, label: r.name }));

function FieldError({ message }: { message?: string }) {
  return message ? <Text className='field__error'>{message}</Text> : null;
}

interface Props {
  /** Editing a saved profile (offers 取消). */
  editing: boolean;
  onCancel: () => void;
  /** Saved: the number as typed, kept in memory only for the weapp face check that may follow. */
  onSaved: (idNumber: string) => void;
}

/** The 实名信息 form: each field checked on the phone as the person leaves it, the server checks again. */
export function ProfileForm({ editing, onCancel, onSaved }: Props) {
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY);
  const [errors, setErrors] = useState<ProfileErrors>({});
  const save = useAction({ fallback: '保存失败，请稍后再试' });

  const update = (field: ProfileField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    // Clear an error as soon as the field is being fixed; it is re-checked on blur.
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const blur = (field: ProfileField, value: string) => {
    const next = { ...draft, [field]: value };
    if (!String(next[field]).trim()) return; // do not nag about a field not filled yet
    setErrors((e) => ({ ...e, [field]: checkField(field, next) }));
  };

  function submit() {
    if (save.busy) return;
    save.setError(null);
    const found = checkAll(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input = toProfileInput(draft);
    void save.act(async () => {
      setUser(await saveProfile(input));
      setDraft(EMPTY); // never keep the raw ID number on screen
      onSaved(input.idNumber);
    }, '实名信息已保存');
  }

  return (
    <View className='form'>
      <Text className='section-title'>请填写本人真实信息，用于办理救助业务</Text>

      <View className='field'>
        <Text className='field__label'>姓名</Text>
        <Input className='field__input' placeholder='请输入姓名' value={draft.name} onInput={(e) => update('name', e.detail.value)} onBlur={(e) => blur('name', e.detail.value)} />
        <FieldError message={errors.name} />
      </View>

      <View className='field'>
        <Text className='field__label'>身份证号</Text>
        <Input
          className='field__input'
          type='idcard'
          maxlength={18}
          placeholder='请输入18位身份证号'
          value={draft.idNumber}
          onInput={(e) => update('idNumber', e.detail.value)}
          onBlur={(e) => blur('idNumber', e.detail.value)}
        />
        <FieldError message={errors.idNumber} />
      </View>

      <View className='field'>
        <Text className='field__label'>手机号</Text>
        <Input
          className='field__input'
          type='number'
          maxlength={11}
          placeholder='请输入手机号'
          value={draft.phone}
          onInput={(e) => update('phone', e.detail.value)}
          onBlur={(e) => blur('phone', e.detail.value)}
        />
        <FieldError message={errors.phone} />
      </View>

      <View className='field'>
        <Text className='field__label'>户籍</Text>
        <Chips options={HUKOU_OPTIONS} value={draft.hukou || undefined} onChange={(v) => update('hukou', v ?? '')} />
        <FieldError message={errors.hukou} />
      </View>

      <View className='field'>
        <Text className='field__label'>所在地区</Text>
        <Input
          className='field__input'
          type='number'
          maxlength={12}
          placeholder='请输入行政区划代码'
          value={draft.regionCode}
          onInput={(e) => update('regionCode', e.detail.value)}
          onBlur={(e) => blur('regionCode', e.detail.value)}
        />
        <Chips className='chips--wrap' options={REGION_OPTIONS} value={draft.regionCode} onChange={(v) => update('regionCode', v ?? '')} />
        <FieldError message={errors.regionCode} />
      </View>

      <Notice text={save.error} error />

      <View className='bottom-actions'>
        <Button loading={save.busy} onClick={submit}>
          提交实名信息
        </Button>
        {editing ? (
          <View className='link tap' onClick={onCancel}>
            <Text>取消</Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}
