import { ALERT_LEVEL_LABELS, type AlertLevel } from '@dajiuzhu/shared';

/**
 * Texts of the monitoring domain that people read outside an API answer (audit notes, the demo).
 * Grid workers and staff read the rest from the shared labels (shared/src/monitoring).
 */
export const assignedNote = (level: AlertLevel, deadline: string) => `${ALERT_LEVEL_LABELS[level]}，请于 ${deadline} 前完成入户核查`;
export const DEMO_NOTE = '演示数据';
