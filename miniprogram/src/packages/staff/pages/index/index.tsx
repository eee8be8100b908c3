import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { ApplicationProgramme, ApplicationStatus } from '@dajiuzhu/shared';
import { APPLICATION_PROGRAMMES, PROGRAMME_DEFINITIONS } from '@dajiuzhu/shared/src/applications/programmes';
import { STATUS_LABELS } from '@dajiuzhu/shared/src/applications/stateMachine';
import { PageShell } from '../../../../components/PageShell';
import { Chips, type Choice } from '../../../../components/Chips';
import { EmptyState, Notice } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { listStaffApplications, staffSupervision, type QueueFilter } from '../../../../services/staffApplications';
import { useSession } from '../../../../store/session';
import { regionName, regionShortName } from '@dajiuzhu/shared/src/rules/regionNames';
import { IdentityConflicts } from '../../components/IdentityConflicts';
import '../../../assistance/components/applications.scss';

const STATUSES: ApplicationStatus[] = ['submitted', 'supplementRequested', 'accepted', 'homeVisitRecorded', 'reviewed', 'publicNotice', 'objection', 'approved', 'rejected'];
const STATUS_CHOICES: Choice<ApplicationStatus | undefined>[] = [{ value: undefined, label: '全部' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))];
const PROGRAMME_CHOICES: Choice<ApplicationProgramme | undefined>[] = [{ value: undefined, label: '全部项目' }, ...APPLICATION_PROGRAMMES.map((p) => ({ value: p, label: PROGRAMME_DEFINITIONS[p].name }))];
const OVERDUE_CHOICE: Choice<true>[] = [{ value: true, label: '只看超期' }];

/** 工作台: the queue of the staff member's region, filtered by status, programme, region and overdue. */
export default function StaffDeskPage() {
  const { user } = useSession();
  const [filter, setFilter] = useState<QueueFilter>({});
  const queue = useLoad(() => listStaffApplications(filter), [filter.status, filter.programme, filter.regionCode, filter.overdue], { fallback: '读取失败' });
  const rows = queue.data?.applications ?? null;
  const supervision = useLoad(() => staffSupervision()).data;
  const watch = { overdue: supervision?.overdue.length ?? 0, pending: supervision?.paperworkPending.length ?? 0 };
  const load = (f: QueueFilter) => setFilter(f);

  return (
    <PageShell className='staff-desk'>
      {user?.staff ? <Text className='apl-muted'>{user.staff.level === 'county' ? '县级民政' : '乡镇（街道）'} · 辖区 {regionName(user.staff.regionCode)}</Text> : null}
      <View className='card'>
        <Text className='card__title'>电子监察</Text>
        <Text className='card__line'>超期环节 <Text className='apl-tag apl-tag--red'>{watch.overdue}</Text> 先行救助待补手续 <Text className='apl-tag apl-tag--amber'>{watch.pending}</Text></Text>
      </View>
      <Chips options={STATUS_CHOICES} value={filter.status as ApplicationStatus | undefined} onChange={(status) => load({ ...filter, status })} />
      <Chips options={PROGRAMME_CHOICES} value={filter.programme as ApplicationProgramme | undefined} onChange={(programme) => load({ ...filter, programme })} />
      <Chips options={OVERDUE_CHOICE} allowNone value={filter.overdue ? true : undefined} onChange={(overdue) => load({ ...filter, overdue })} />
      <View className='field'>
        <Text className='field__label'>地区代码（辖区内）</Text>
        <Input className='field__input' placeholder='如 371402001，留空为全部' value={filter.regionCode ?? ''} onConfirm={(e) => load({ ...filter, regionCode: e.detail.value || undefined })} />
      </View>
      <Notice text={queue.error} error />
      {rows && rows.length === 0 ? <EmptyState text='没有符合条件的申请' /> : null}
      {(rows ?? []).map((a) => (
        <View key={a.id} className='card tap' data-testid='queue-row' onClick={() => Taro.navigateTo({ url: `/packages/staff/pages/case/index?id=${a.id}` })}>
          <Text className='card__title'>{a.applicantNameMasked} · {a.programmeName}</Text>
          <Text className='card__line'>
            <Text className='apl-tag apl-tag--amber'>{a.statusLabel}</Text>
            {a.overdue ? <Text className='apl-tag apl-tag--red'>超期</Text> : null}
            {a.emergency ? <Text className='apl-tag apl-tag--red'>急难</Text> : null}
            {a.paperworkPending ? <Text className='apl-tag'>待补手续</Text> : null}
            {a.duplicateOf ? <Text className='apl-tag apl-tag--red' data-testid='duplicate-flag'>重复申请</Text> : null}
            {a.filedByHelper && !a.applicantConfirmed ? <Text className='apl-tag'>代办·待本人确认</Text> : null}
          </Text>
          <Text className='card__line apl-muted'>{regionShortName(a.regionCode)} · {a.nextStep ?? ''}{a.dueOn ? ` · 期限 ${a.dueOn}` : ''}</Text>
        </View>
      ))}
      <IdentityConflicts />
      <View className='link tap' onClick={() => Taro.navigateTo({ url: '/packages/assistance/pages/notices/index' })}><Text>查看公示 ›</Text></View>
    </PageShell>
  );
}
