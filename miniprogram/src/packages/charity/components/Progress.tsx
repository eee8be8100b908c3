import { Text, View } from '@tarojs/components';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import type { ProjectProgress } from '@dajiuzhu/shared';

export type ProgressFigures = ProjectProgress;

function Figure({ value, label, testId }: { value: string; label: string; testId?: string }) {
  return (
    <View className='ch-figure' data-testid={testId}>
      <Text className='ch-figure__value'>{value}</Text>
      <Text className='ch-figure__label'>{label}</Text>
    </View>
  );
}

/**
 * A project's progress: a bar for the eye and the numbers as text (a screen reader reads the
 * figures, the bar is hidden from it). Raised includes matching (配捐), as the server's percent does.
 */
export function Progress({ p, compact = false }: { p: ProgressFigures; compact?: boolean }) {
  const width = Math.min(100, Math.max(0, p.percent));
  return (
    <View className='ch-progress' data-testid='project-progress'>
      <View className='ch-progress__track' aria-hidden='true'>
        <View className='ch-progress__fill' style={{ width: `${width}%` }} />
      </View>
      <View className='ch-progress__numbers'>
        <Figure value={formatYuanText(p.raisedFen + p.matchedFen)} label={`已筹（目标 ${formatYuanText(p.goalFen)}，${p.percent}%）`} testId='figure-raised' />
        {compact ? null : (
          <>
            {p.matchedFen > 0 ? <Figure value={formatYuanText(p.matchedFen)} label='其中企业配捐' testId='figure-matched' /> : null}
            <Figure value={formatYuanText(p.spentFen)} label='已支出' testId='figure-spent' />
            <Figure value={`${p.peopleHelped} 人`} label='已受助' testId='figure-helped' />
          </>
        )}
      </View>
    </View>
  );
}
