import { Text, View } from '@tarojs/components';
import { Button } from './Button';
import { Icon, type IconName } from './Icon';

interface Props {
  /** What is not there yet, e.g. '还没有申请'. */
  title?: string;
  /** The older name of `title` (pages written before the design system). */
  text?: string;
  /** What to do next, in one plain sentence. */
  hint?: string;
  /** The next step as a button (e.g. '去申请救助'). */
  action?: { label: string; onClick: () => void };
  icon?: IconName;
}

/** An empty list that says what to do next, with the way to do it. */
export function EmptyState({ title, text, hint, action, icon = 'empty' }: Props) {
  return (
    <View className='card empty-state' data-testid='empty-state'>
      <Icon name={icon} className='empty-state__icon' />
      <Text className='empty-state__title'>{title ?? text}</Text>
      {hint ? <Text className='empty-state__hint'>{hint}</Text> : null}
      {action ? (
        <Button variant='secondary' className='empty-state__action' onClick={action.onClick}>
          {action.label}
        </Button>
      ) : null}
    </View>
  );
}
