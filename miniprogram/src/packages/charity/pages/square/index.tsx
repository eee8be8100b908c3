import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CharityTargetGroup } from '@dajiuzhu/shared';
import { CHARITY_TARGET_GROUP_LABELS, CHARITY_TARGET_GROUPS } from '@dajiuzhu/shared/src/charity/targetGroups';
import { PageShell } from '../../../../components/PageShell';
import { Chips, type Choice } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { EmptyState } from '../../../../components/EmptyState';
import { useLoad } from '../../../../components/hooks';
import { useSession } from '../../../../store/session';
import { charityApi } from '../../../../services/charity';
import { ProjectCard, type SquareProject } from '../../components/ProjectCard';
import { REGION_CHOICES } from '../../labels';
import { CHARITY_ROUTES } from '../../routes';

const REGIONS: Choice<string>[] = [{ value: '', label: '全部地区' }, ...REGION_CHOICES];
const GROUPS: Choice<CharityTargetGroup | ''>[] = [{ value: '', label: '全部人群' }, ...CHARITY_TARGET_GROUPS.map((g) => ({ value: g, label: CHARITY_TARGET_GROUP_LABELS[g] }))];

/** 慈善项目广场: raising projects (an overdue report takes one off until it is filed), by region and target group. */
export default function CharitySquarePage() {
  const { user } = useSession();
  const [region, setRegion] = useState('');
  const [group, setGroup] = useState<CharityTargetGroup | ''>('');
  const { data, error } = useLoad(() => charityApi.square({ regionCode: region || undefined, targetGroup: group || undefined, limit: 50 }), [region, group]);
  const projects = (data?.projects ?? []) as SquareProject[];
  return (
    <PageShell className='charity-square'>
      <Chips className='chips--wrap' options={REGIONS} value={region} onChange={(r) => setRegion(r ?? '')} testId='filter-region' />
      <Chips className='chips--wrap' options={GROUPS} value={group} onChange={(g) => setGroup(g ?? '')} testId='filter-group' />
      <Notice text={error} error />
      {data ? <Text className='section-title'>{projects.length} 个项目正在募捐 · 善款去向公开，每季度报告</Text> : null}
      {projects.map((p) => <ProjectCard key={p.id} project={p} />)}
      {data && projects.length === 0 ? <EmptyState title='暂时没有符合条件的项目' hint='换个地区或人群看看' /> : null}
      {user ? (
        <View className='list'>
          <View className='list__item list__item--row tap' role='link' onClick={() => Taro.navigateTo({ url: CHARITY_ROUTES.donations })}>
            <Text className='list__title'>我的捐赠与票据</Text>
            <Text aria-hidden='true'>›</Text>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
