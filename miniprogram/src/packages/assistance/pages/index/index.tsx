import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Placeholder } from '../../../../components/Placeholder';

/** Entry of the assistance services: 申请救助, 政策测算 and 进度查询 open their pages; others keep the placeholder until built. */
const PAGES: Record<string, string> = {
  apply: '/packages/assistance/pages/apply/index',
  estimate: '/packages/assistance/pages/estimate/index',
  progress: '/packages/assistance/pages/mine/index',
};

export default function AssistancePlaceholderPage() {
  const { params } = useRouter();
  const target = params?.service ? PAGES[params.service] : undefined;
  useEffect(() => { if (target) Taro.redirectTo({ url: target }); }, [target]);
  return <Placeholder fallbackTitle='申请救助' />;
}
