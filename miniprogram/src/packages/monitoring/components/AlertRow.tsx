import { Text, View } from '@tarojs/components';
import type { AlertSummaryView } from '@dajiuzhu/shared';
import { ALERT_LEVEL_LABELS } from '@dajiuzhu/shared/src/monitoring';
import { regionShortName } from '@dajiuzhu/shared/src/rules/regionNames';
import { StatusTag } from '../../../components/StatusTag';
import { LEVEL_TONE, deadlineWords } from '../logic';

/** One alert in a list: level, status, whom it is about (masked), why, and the deadline in words. */
export function AlertRow({ alert, today, onOpen, showAssignee }: { alert: AlertSummaryView; today: string; onOpen: () => void; showAssignee?: boolean }) {
  const a = alert;
  const deadline = a.status === 'closed' ? '已办结' : deadlineWords(a.deadline, today, a.overdue);
  return (
    <View className={`list__item tap mon-row mon-row--${a.level}`} role='link' data-testid='alert-row' data-level={a.level} onClick={onOpen}>
      <Text className='mon-row__title'>{a.subject.nameMasked} · {a.ruleName}</Text>
      <View className='mon-tags'>
        <StatusTag tone={LEVEL_TONE[a.level]} text={ALERT_LEVEL_LABELS[a.level]} />
        <StatusTag tone={a.status === 'closed' ? 'success' : 'primary'} text={a.statusLabel} />
        {a.overdue ? <StatusTag tone='danger' text='已超期' testId='overdue-tag' /> : null}
      </View>
      <Text className='list__summary'>{a.summary}</Text>
      <Text className={a.overdue ? 'list__summary mon-deadline--overdue' : 'list__summary'}>
        {a.sourceName} · {regionShortName(a.regionCode)} · 期限 {a.deadline}（{deadline}）
      </Text>
      {showAssignee && a.assignee ? <Text className='list__summary'>核查人：{a.assignee.name}（{a.assignee.role === 'gridWorker' ? '网格员' : '工作人员'}）</Text> : null}
    </View>
  );
}
