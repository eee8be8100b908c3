import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PublicProject, PublicProjectSummary } from '@dajiuzhu/shared';
import { CHARITY_TARGET_GROUP_LABELS } from '@dajiuzhu/shared/src/charity/targetGroups';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { StatusTag } from '../../../components/StatusTag';
import { CHARITY_ROUTES } from '../routes';
import { PROJECT_STATUS } from '../labels';
import { Progress } from './Progress';
import './charity.scss';

/** A square card; its progress shows when the square's answer carries the figures. */
export type SquareProject = PublicProjectSummary & Partial<Pick<PublicProject, 'raisedFen' | 'matchedFen' | 'spentFen' | 'peopleHelped' | 'percent'>>;

export function ProjectCard({ project: p }: { project: SquareProject }) {
  const status = PROJECT_STATUS[p.status];
  return (
    <View className='card tap' role='link' data-testid='project-card' onClick={() => Taro.navigateTo({ url: `${CHARITY_ROUTES.project}?id=${p.id}` })}>
      <View className='ch-head'>
        <Text className='card__title'>{p.title}</Text>
        <StatusTag tone={status.tone} text={status.label} />
      </View>
      <Text className='card__line'>{CHARITY_TARGET_GROUP_LABELS[p.targetGroup]} · {p.regionName} · {p.organizationName}</Text>
      {p.raisedFen !== undefined && p.percent !== undefined ? (
        <Progress compact p={{ goalFen: p.goalFen, raisedFen: p.raisedFen, matchedFen: p.matchedFen ?? 0, spentFen: p.spentFen ?? 0, peopleHelped: p.peopleHelped ?? 0, percent: p.percent }} />
      ) : (
        <Text className='card__line'>目标 {formatYuanText(p.goalFen)}</Text>
      )}
      <Text className='ch-muted'>募捐期 {p.startDate} 至 {p.endDate}</Text>
    </View>
  );
}
