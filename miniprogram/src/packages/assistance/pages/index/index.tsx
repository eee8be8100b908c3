import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Placeholder } from '../../../../components/Placeholder';
import { pageOfService } from '../../servicePages';

/** Entry of the assistance services: a known `?service=` opens its page (servicePages.ts); anything else shows the placeholder. */
export default function AssistancePlaceholderPage() {
  const { params } = useRouter();
  const target = pageOfService(params?.service);
  useEffect(() => { if (target) Taro.redirectTo({ url: target }); }, [target]);
  return <Placeholder fallbackTitle='申请救助' />;
}
