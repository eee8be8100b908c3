import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from './Button';
import { PageShell } from './PageShell';
import { serviceByKey } from '../services/catalog';
import { goBackOrHome } from './PageHeader';

export { goBackOrHome };

/** The one "being built" page of a domain whose services are not ready yet. */
export function Placeholder({ fallbackTitle }: { fallbackTitle: string }) {
  const { params } = useRouter();
  const title = serviceByKey(params?.service)?.title ?? fallbackTitle;
  return (
    <PageShell className='placeholder'>
      <View className='card placeholder__card'>
        <Text className='placeholder__title'>{title}</Text>
        <Text className='placeholder__text'>该服务正在建设中，敬请期待</Text>
      </View>
      <View className='bottom-actions'>
        <Button onClick={goBackOrHome}>返回</Button>
      </View>
    </PageShell>
  );
}
