import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { APPLICATION_PROGRAMMES, PROGRAMME_DEFINITIONS, STATUS_LABELS, type ApplicationStatus, type ApplicationSummary } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { staffQueue, staffSupervision, type QueueFilter } from '../../../../services/staffCases';
import { isApiError } from '../../../../services/request';
import { useSession } from '../../../../store/session';
import '../../../assistance/components/applications.scss';

const STATUSES: ApplicationStatus[] = ['submitted', 'supplementRequested', 'accepted', 'homeVisitRecorded', 'reviewed', 'publicNotice', 'objection', 'approved', 'rejected'];

/** 工作台: the queue of the staff member's region, filtered by status, programme, region and overdue. */
export default function StaffDeskPage() {
  const { user } = useSession();
  const [filter, setFilter] = useState<QueueFilter>({});
  const [rows, setRows] = useState<ApplicationSummary[] | null>(null);
  const [watch, setWatch] = useState<{ overdue: number; pending: number }>({ overdue: 0, pending: 0 });
  const [error, setError] = useState<string | null>(null);

  const load = (f: QueueFilter) => {
    setFilter(f);
    staffQueue(f).then((r) => { setRows(r.applications); setError(null); }).catch((e) => setError(isApiError(e) ? e.message : '读取失败'));
  };
  useDidShow(() => {
    load(filter);
    staffSupervision().then((s) => setWatch({ overdue: s.overdue.length, pending: s.paperworkPending.length })).catch(() => {});
  });

  const chip = (on: boolean, label: string, onClick: () => void) => <View key={label} className={`chip tap ${on ? 'chip--on' : ''}`} onClick={onClick}><Text>{label}</Text></View>;

  return (
    <PageShell className='staff-desk'>
      {user?.staff ? <Text className='apl-muted'>{user.staff.level === 'county' ? '县级民政' : '乡镇（街道）'} · 辖区 {user.staff.regionCode}</Text> : null}
      <View className='card'>
        <Text className='card__title'>电子监察</Text>
        <Text className='card__line'>超期环节 <Text className='apl-tag apl-tag--red'>{watch.overdue}</Text> 先行救助待补手续 <Text className='apl-tag apl-tag--amber'>{watch.pending}</Text></Text>
      </View>
      <View className='chips'>
        {chip(!filter.status, '全部', () => load({ ...filter, status: undefined }))}
        {STATUSES.map((s) => chip(filter.status === s, STATUS_LABELS[s], () => load({ ...filter, status: s })))}
      </View>
      <View className='chips'>
        {chip(!filter.programme, '全部项目', () => load({ ...filter, programme: undefined }))}
        {APPLICATION_PROGRAMMES.map((p) => chip(filter.programme === p, PROGRAMME_DEFINITIONS[p].name, () => load({ ...filter, programme: p })))}
      </View>
      <View className='chips'>
        {chip(filter.overdue === true, '只看超期', () => load({ ...filter, overdue: filter.overdue ? undefined : true }))}
      </View>
      <View className='field'>
        <Text className='field__label'>地区代码（辖区内）</Text>
        <Input className='field__input' placeholder='如 371402001，留空为全部' value={filter.regionCode ?? ''} onConfirm={(e) => load({ ...filter, regionCode: e.detail.value || undefined })} />
      </View>
      {error ? <Text className='notice notice--error'>{error}</Text> : null}
      {rows && rows.length === 0 ? <View className='card'><Text>没有符合条件的申请</Text></View> : null}
      {(rows ?? []).map((a) => (
        <View key={a.id} className='card tap' data-testid='queue-row' onClick={() => Taro.navigateTo({ url: `/packages/staff/pages/case/index?id=${a.id}` })}>
          <Text className='card__title'>{a.applicantNameMasked} · {a.programmeName}</Text>
          <Text className='card__line'>
            <Text className='apl-tag apl-tag--amber'>{a.statusLabel}</Text>
            {a.overdue ? <Text className='apl-tag apl-tag--red'>超期</Text> : null}
            {a.emergency ? <Text className='apl-tag apl-tag--red'>急难</Text> : null}
            {a.paperworkPending ? <Text className='apl-tag'>待补手续</Text> : null}
          </Text>
          <Text className='card__line apl-muted'>{a.regionCode} · {a.nextStep ?? ''}{a.dueOn ? ` · 期限 ${a.dueOn}` : ''}</Text>
        </View>
      ))}
      <View className='link tap' onClick={() => Taro.navigateTo({ url: '/packages/assistance/pages/notices/index' })}><Text>查看公示 ›</Text></View>
    </PageShell>
  );
}
