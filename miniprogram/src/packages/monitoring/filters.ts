import type { Choice } from '../../components/Chips';
import type { AlertFilter } from '../../services/monitoring';
import { MONITORING_SOURCES, MONITORING_SOURCE_LABELS } from '@dajiuzhu/shared/src/monitoring';

/** The desk's queue views: what to do next first (one row of chips), then all. */
export type QueueView = 'open' | 'assigned' | 'visited' | 'overdue' | 'closed' | 'all';
export const QUEUE_VIEWS: Choice<QueueView>[] = [
  { value: 'open', label: '待分派' },
  { value: 'assigned', label: '核查中' },
  { value: 'visited', label: '待确认' },
  { value: 'overdue', label: '已超期' },
  { value: 'closed', label: '已办结' },
  { value: 'all', label: '全部' },
];

export function filterOfView(view: QueueView): AlertFilter {
  if (view === 'all') return {};
  if (view === 'overdue') return { overdue: true };
  return { status: view };
}

/** Department sources, and the two ways residents raise an alert. Short names for a chip. */
export const SOURCE_SHORT_NAMES: Record<string, string> = {
  medical: '医保', disability: '残联', humanResources: '人社', publicSecurity: '公安', education: '教育', assets: '资产', hotline12345: '12345', populationList: '监测名单',
};
export const SOURCE_FILTERS: Choice<string | undefined>[] = [
  ...MONITORING_SOURCES.filter((s) => s !== 'populationList').map((s) => ({ value: s, label: SOURCE_SHORT_NAMES[s] ?? MONITORING_SOURCE_LABELS[s] })),
  { value: 'helpRequest', label: '一键求助' },
  { value: 'hardshipReport', label: '随手拍' },
];
