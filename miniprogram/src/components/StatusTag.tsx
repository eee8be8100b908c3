import { Text } from '@tarojs/components';
import type { Tone } from '../styles/tokens';

/**
 * A status in a few words on a tinted background: one colour role per meaning (success done,
 * warning waiting, danger refused or overdue, primary "yours / now", neutral anything else).
 * Every tone's text is ≥ 4.5:1 on its tint (docs/design.md).
 */
export function StatusTag({ tone = 'neutral', text, testId }: { tone?: Tone; text: string; testId?: string }) {
  return (
    <Text className={`status-tag status-tag--${tone}`} data-testid={testId}>
      {text}
    </Text>
  );
}

/** The tone of an application status (shared status names). */
export function toneOfStatus(status: string): Tone {
  if (status === 'approved' || status === 'paid' || status === 'done' || status === 'fulfilled') return 'success';
  if (status === 'rejected' || status === 'withdrawn' || status === 'overdue') return 'danger';
  if (status === 'draft') return 'neutral';
  return 'warning';
}
