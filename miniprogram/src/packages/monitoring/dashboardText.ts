import type { MonitoringDashboard } from '@dajiuzhu/shared';

/** 娄底's figure in words: how many were brought into assistance through discovery, against applications. */
export function discoveryWords(d: Pick<MonitoringDashboard, 'enrolledThroughDiscovery' | 'enrolledThroughApplications' | 'discoverySharePercent'>): string {
  const total = d.enrolledThroughDiscovery + d.enrolledThroughApplications;
  if (total === 0) return '还没有新纳入救助的对象';
  const share = d.discoverySharePercent ?? Math.round((d.enrolledThroughDiscovery * 1000) / total) / 10;
  return `新纳入救助 ${total} 人：主动发现 ${d.enrolledThroughDiscovery} 人，本人申请 ${d.enrolledThroughApplications} 人，主动发现占 ${share}%`;
}
