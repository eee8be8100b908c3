import { useEffect, type PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useElderMode } from '../store/elderMode';
import { useDemoSignInPrompt } from '../store/session';
import { PageHeader, drawsOwnHeader } from './PageHeader';
import { PrivacyPopup } from './PrivacyPopup';

interface Props {
  className?: string;
  /** False on the demo sign-in page itself. */
  promptSignIn?: boolean;
  /** The h1; by default the page's own `navigationBarTitleText`. */
  title?: string;
}

/**
 * H5: Taro scrolls each page in its own container (`.taro_page`, overflow-y: scroll). A keyboard
 * user can scroll a region only if it can take focus (axe: scrollable-region-focusable), so each
 * page's container is made focusable once.
 */
function makePageScrollersFocusable(): void {
  if (typeof document === 'undefined') return;
  document.querySelectorAll('.taro_page:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '0'));
}

/**
 * Every page renders inside this shell. It carries the one root class that switches 长辈模式
 * (the elder type scale and 60px tap targets: styles/tokens.scss), on H5 the page header (the
 * page's one h1 and the back button) and the main landmark, and the weapp privacy popup.
 */
export function PageShell({ className, promptSignIn = true, title, children }: PropsWithChildren<Props>) {
  const elder = useElderMode();
  useDemoSignInPrompt(promptSignIn);
  const classes = ['page-shell', elder ? 'page-shell--elder' : 'page-shell--standard', className].filter(Boolean).join(' ');
  const h5 = drawsOwnHeader();
  useEffect(() => {
    if (h5) makePageScrollersFocusable();
  }, [h5]);
  return (
    <View className={classes} data-testid='page-shell'>
      {h5 ? <PageHeader title={title} /> : null}
      <View className='page-shell__main' role='main'>
        {children}
      </View>
      {process.env.TARO_ENV === 'weapp' ? <PrivacyPopup /> : null}
    </View>
  );
}
