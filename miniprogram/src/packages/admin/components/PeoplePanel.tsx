import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ListedRole, PersonSummary, WorkRole } from '@dajiuzhu/shared';
import { isRegionCode } from '@dajiuzhu/shared/src/rules/region';
import { Button } from '../../../components/Button';
import { Chips, type Choice } from '../../../components/Chips';
import { EmptyState, Notice } from '../../../components/Notice';
import { errorText } from '../../../components/errorText';
import { useLoad } from '../../../components/hooks';
import { deactivatePerson, listPeople } from '../../../services/admin';
import { useSession } from '../../../store/session';
import { LEVEL_LABELS, ROLE_LABELS, deactivatableRoles } from '../roles';
import { RegionField } from './RegionField';

const ROLE_CHOICES: Choice<ListedRole>[] = (['staff', 'gridWorker', 'admin'] as const).map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const REASONS: Choice<string>[] = ['调离岗位', '离职', '账号异常'].map((r) => ({ value: r, label: r }));

/** People holding a work role, by role and region; a work role can be taken away (with a reason, audited). */
export function PeoplePanel() {
  const { user } = useSession();
  const [role, setRole] = useState<ListedRole>('staff');
  const [regionInput, setRegionInput] = useState('');
  const region = isRegionCode(regionInput.trim()) ? regionInput.trim() : undefined;
  const people = useLoad(() => listPeople(role, region), [role, region], { fallback: '人员列表读取失败' });
  const [open, setOpen] = useState<{ id: string; role: WorkRole; reason?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const deactivate = async (p: PersonSummary) => {
    if (!open?.reason) { setError('请选择停用原因'); return; }
    setBusy(true);
    setError(null);
    try {
      const res = await deactivatePerson(p.id, { role: open.role, reason: open.reason });
      setOpen(null);
      await people.reload();
      Taro.showToast({ title: res.sessionsEnded ? `已停用，已退出 ${res.sessionsEnded} 处登录` : '已停用', icon: 'none' });
    } catch (e) {
      setError(errorText(e, '停用失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View data-testid='people-panel'>
      <Chips options={ROLE_CHOICES} value={role} onChange={(v) => { if (v) { setRole(v); setOpen(null); } }} testId='people-role' />
      <RegionField label='地区（留空为全部）' value={regionInput} onChange={setRegionInput} placeholder='如 371400' testId='people-region' />
      <Notice text={people.error} error />
      {people.data && people.data.people.length === 0 ? <EmptyState title={`没有${ROLE_LABELS[role]}`} hint='可在“邀请”中发出邀请码，对方使用后会出现在这里。' /> : null}
      <View className='list'>
        {(people.data?.people ?? []).map((p) => {
          const removable = p.id === user?.id ? [] : deactivatableRoles(p.roles);
          const expanded = open?.id === p.id;
          return (
            <View key={p.id} className='list__item admin-person' data-testid='person-row'>
              <View className='list__text'>
                <Text className='list__title'>{p.nameMasked ?? '未填写实名信息'}{p.id === user?.id ? '（本人）' : ''}</Text>
                <Text className='list__summary'>
                  {p.roles.filter((r) => r !== 'resident').map((r) => ROLE_LABELS[r as ListedRole] ?? r).join('、')}
                  {p.level ? ` · ${LEVEL_LABELS[p.level] ?? p.level}` : ''}
                  {p.regionName ? ` · ${p.regionName}` : ''}
                </Text>
              </View>
              {removable.length && !expanded ? (
                <Button variant='secondary' className='admin-row-action' onClick={() => { setError(null); setOpen({ id: p.id, role: removable.includes(role as WorkRole) ? (role as WorkRole) : removable[0] }); }}>停用</Button>
              ) : null}
              {expanded && open ? (
                <View className='admin-confirm' data-testid='deactivate-form'>
                  {removable.length > 1 ? <Chips options={removable.map((r) => ({ value: r, label: `停用${ROLE_LABELS[r]}身份` }))} value={open.role} onChange={(v) => v && setOpen({ ...open, role: v })} /> : null}
                  <Text className='card__line'>停用“{ROLE_LABELS[open.role]}”身份后，对方的所有登录立即失效，仍可作为居民使用。原因：</Text>
                  <Chips options={REASONS} value={open.reason} onChange={(v) => setOpen({ ...open, reason: v })} testId='deactivate-reason' />
                  <Notice text={error} error />
                  <Button loading={busy} disabled={!open.reason} onClick={() => deactivate(p)} id='deactivate-confirm'>确认停用</Button>
                  <Button variant='secondary' onClick={() => setOpen(null)}>取消</Button>
                </View>
              ) : null}
            </View>
          );
        })}
      </View>
    </View>
  );
}
