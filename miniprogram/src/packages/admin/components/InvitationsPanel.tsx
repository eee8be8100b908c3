import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { InvitationStatus, InvitationView, WorkRole } from '@dajiuzhu/shared';
import { isRegionCode } from '@dajiuzhu/shared/src/rules/region';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';
import { shanghaiDateTime } from '@dajiuzhu/shared/src/rules/date';
import { Button } from '../../../components/Button';
import { Chips, type Choice } from '../../../components/Chips';
import { EmptyState, Notice } from '../../../components/Notice';
import { StatusTag } from '../../../components/StatusTag';
import { errorText } from '../../../components/errorText';
import { useLoad } from '../../../components/hooks';
import { createInvitation, listInvitations, revokeInvitation } from '../../../services/admin';
import { INVITATION_KINDS, LEVEL_LABELS, ROLE_LABELS, STATUS_TEXT } from '../roles';
import { RegionField } from './RegionField';

const KIND_CHOICES: Choice<WorkRole>[] = INVITATION_KINDS.filter((k) => k.available).map((k) => ({ value: k.role, label: k.label }));
const LEVEL_CHOICES: Choice<'township' | 'county'>[] = [{ value: 'township', label: '乡镇（街道）' }, { value: 'county', label: '县级' }];
const STATUS_CHOICES: Choice<InvitationStatus | 'all'>[] = [
  { value: 'all', label: '全部' },
  ...(Object.keys(STATUS_TEXT) as InvitationStatus[]).map((s) => ({ value: s, label: STATUS_TEXT[s].text })),
];

/** Create an invitation (the code is shown once), then the list with its status; open ones can be revoked. */
export function InvitationsPanel() {
  const [role, setRole] = useState<WorkRole>('staff');
  const [level, setLevel] = useState<'township' | 'county'>('township');
  const [regionCode, setRegionCode] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<(Pick<InvitationView, 'code' | 'regionCode' | 'expiresAt'> & { role: WorkRole }) | null>(null);
  const [status, setStatus] = useState<InvitationStatus | 'all'>('all');
  const list = useLoad(() => listInvitations(status === 'all' ? undefined : status), [status], { fallback: '邀请列表读取失败' });
  const kind = INVITATION_KINDS.find((k) => k.role === role)!;
  const coming = INVITATION_KINDS.filter((k) => !k.available);

  const create = async () => {
    if (!isRegionCode(regionCode.trim())) { setError('请填写正确的行政区划代码（6、9 或 12 位）'); return; }
    setBusy(true);
    setError(null);
    try {
      const inv = await createInvitation({ role, level: kind.needsLevel ? level : undefined, regionCode: regionCode.trim(), note });
      setCreated({ code: inv.code, regionCode: inv.regionCode, expiresAt: inv.expiresAt, role });
      setNote('');
      await list.reload();
    } catch (e) {
      setError(errorText(e, '生成失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    const ok = await Taro.showModal({ title: '撤销邀请', content: '撤销后这个邀请码不能再使用。确定撤销吗？' });
    if (!ok.confirm) return;
    try {
      const updated = await revokeInvitation(id);
      list.setData((d) => (d ? { invitations: d.invitations.map((i) => (i.id === id ? updated : i)) } : d));
      Taro.showToast({ title: '已撤销', icon: 'success' });
    } catch (e) {
      Taro.showToast({ title: errorText(e, '撤销失败'), icon: 'none' });
      await list.reload();
    }
  };

  return (
    <View data-testid='invitations-panel'>
      <View className='card'>
        <Text className='card__title'>发出邀请</Text>
        <Text className='admin-muted'>对方在“我的 → 使用邀请码”输入邀请码后，即获得对应身份。邀请码只显示一次，请当面或电话告知本人。</Text>
        <Text className='field__label'>身份</Text>
        <Chips options={KIND_CHOICES} value={role} onChange={(v) => v && setRole(v)} testId='invite-kind' />
        <Text className='admin-muted'>{kind.hint}{coming.length ? `；${coming.map((k) => k.label).join('、')}邀请即将开放` : ''}</Text>
        {kind.needsLevel ? (
          <>
            <Text className='field__label'>层级</Text>
            <Chips options={LEVEL_CHOICES} value={level} onChange={(v) => v && setLevel(v)} testId='invite-level' />
          </>
        ) : null}
        <RegionField label={role === 'gridWorker' ? '负责的村（社区）代码' : '辖区代码'} value={regionCode} onChange={setRegionCode} placeholder={role === 'gridWorker' ? '如 371402001001' : '如 371402001'} testId='invite-region' />
        <View className='field'>
          <Text className='field__label'>备注（选填，如姓名、单位）</Text>
          <Input className='field__input' maxlength={100} value={note} aria-label='备注' placeholder='只给管理员看' onInput={(e) => setNote(e.detail.value)} data-testid='invite-note' />
        </View>
        <Notice text={error} error />
        <Button loading={busy} onClick={create} id='invite-create'>生成邀请码</Button>
      </View>

      {created ? (
        <View className='card admin-code' data-testid='invite-created'>
          <Text className='card__title'>邀请码已生成（{ROLE_LABELS[created.role]} · {regionName(created.regionCode)}）</Text>
          <Text className='admin-code__value' data-testid='invite-code' selectable>{created.code}</Text>
          <Text className='admin-muted'>有效期至 {shanghaiDateTime(created.expiresAt)}，只能使用一次。</Text>
          <Button variant='secondary' onClick={() => Taro.setClipboardData({ data: created.code })}>复制邀请码</Button>
        </View>
      ) : null}

      <Text className='section-title'>邀请记录</Text>
      <Chips options={STATUS_CHOICES} value={status} onChange={(v) => v && setStatus(v)} className='chips--wrap' testId='invite-status' />
      <Notice text={list.error} error />
      {list.data && list.data.invitations.length === 0 ? <EmptyState title='没有邀请记录' hint='在上方填写身份和辖区，生成第一个邀请码。' /> : null}
      <View className='list'>
        {(list.data?.invitations ?? []).map((i) => (
          <View key={i.id} className='list__item' data-testid='invitation-row'>
            <View className='list__text'>
              <Text className='list__title'>{ROLE_LABELS[i.role]}{i.level ? `（${LEVEL_LABELS[i.level] ?? i.level}）` : ''} · {i.regionName}</Text>
              <Text className='list__summary'>
                <StatusTag tone={STATUS_TEXT[i.status].tone} text={STATUS_TEXT[i.status].text} /> 生成于 {shanghaiDateTime(i.createdAt)}{i.note ? ` · ${i.note}` : ''}
              </Text>
            </View>
            {i.status === 'open' ? <Button variant='secondary' className='admin-row-action' onClick={() => revoke(i.id)}>撤销</Button> : null}
          </View>
        ))}
      </View>
    </View>
  );
}
