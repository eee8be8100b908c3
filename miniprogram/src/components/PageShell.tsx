import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useElderMode } from '../store/elderMode';
import { useDemoSignInPrompt } from '../store/session';
import { PrivacyPopup } from './PrivacyPopup';

interface Props {
  className?: string;
  /** False on the demo sign-in page itself. */
  promptSignIn?: boolean;
}

/**
 * Every page renders inside this shell. It carries the one root class that switches 长辈模式
 * (large text, 60px tap targets) and the weapp privacy popup.
 */
export function PageShell({ className, promptSignIn = true, children }: PropsWithChildren<Props>) {
  const elder = useElderMode();
  useDemoSignInPrompt(promptSignIn);
  const classes = ['page-shell', elder ? 'page-shell--elder' : 'page-shell--standard', className].filter(Boolean).join(' ');
  return (
    <View className={classes} data-testid='page-shell'>
      {children}
      {process.env.TARO_ENV === 'weapp' ? <PrivacyPopup /> : null}
    </View>
  );
}
