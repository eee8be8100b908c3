import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROUTES, TAB_ROUTES } from '../routes';

/** Back to the previous page, or home when this page was opened directly (no history). */
export function goBackOrHome(): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
  else Taro.switchTab({ url: ROUTES.home });
}

/** weapp draws WeChat's own bar (title and back); only H5 draws ours. */
export function drawsOwnHeader(): boolean {
  return process.env.TARO_ENV === 'h5';
}

interface RouteConfig {
  path?: string;
  navigationBarTitleText?: string;
}

/**
 * The page's title as its index.config.ts states it (`navigationBarTitleText`): on H5 Taro keeps
 * every page's config in `window.__taroAppConfig.routes`, so no page repeats its title in code.
 */
export function configuredTitle(path: string | undefined): string | undefined {
  if (!path || typeof window === 'undefined') return undefined;
  const routes = (window as unknown as { __taroAppConfig?: { routes?: RouteConfig[] } }).__taroAppConfig?.routes ?? [];
  const bare = (p: string) => p.split('?')[0].replace(/^\//, '');
  return routes.find((r) => r.path && bare(r.path) === bare(path))?.navigationBarTitleText;
}

const isTabPage = (path: string | undefined) => !!path && TAB_ROUTES.some((t) => t.replace(/^\//, '') === path.split('?')[0].replace(/^\//, ''));

// Taro's TextProps do not list ARIA attributes; they reach the element all the same.
const HEADING = { role: 'heading', 'aria-level': 1 };

/**
 * THE page header on H5: the page's title as its one h1 and, on every inner page, a back button
 * (to the previous page, or home when there is none). Rendered by PageShell.
 */
export function PageHeader({ title }: { title?: string }) {
  const { path } = useRouter();
  const text = title ?? configuredTitle(path) ?? '大救助';
  const inner = !isTabPage(path);
  return (
    <View className={inner ? 'page-header' : 'page-header page-header--tab'} role='banner'>
      {inner ? (
        <View className='page-header__back' role='button' aria-label='返回上一页' onClick={goBackOrHome}>
          <Text className='page-header__arrow' aria-hidden='true'>‹</Text>
          <Text>返回</Text>
        </View>
      ) : null}
      <Text className='page-header__title' {...HEADING}>
        {text}
      </Text>
    </View>
  );
}
