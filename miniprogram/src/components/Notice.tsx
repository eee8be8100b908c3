import { Text } from '@tarojs/components';

/** A line of information, or of trouble (`error`); nothing when there is no text. */
export function Notice({ text, error, className }: { text?: string | null; error?: boolean; className?: string }) {
  if (!text) return null;
  const classes = ['notice', error ? 'notice--error' : '', className ?? ''].filter(Boolean).join(' ');
  return <Text className={classes}>{text}</Text>;
}

/** The card shown when a list has nothing in it yet: components/EmptyState (give it a hint and an action). */
export { EmptyState } from './EmptyState';

/** The card shown while a page's data loads, or the load's error in its place. */
export function Loading({ error }: { error?: string | null }) {
  return error ? <Notice text={error} error /> : <Text className='loading'>加载中…</Text>;
}
