import type { PropsWithChildren } from 'react';
import { Button as TaroButton } from '@tarojs/components';

export type ButtonVariant = 'primary' | 'secondary' | 'account';

interface Props {
  variant?: ButtonVariant;
  /** Truly unavailable (e.g. consent not given yet): greyed out and sets the `disabled` attribute. */
  disabled?: boolean;
  /** Working: a spinner, greyed out, taps ignored. */
  loading?: boolean;
  className?: string;
  onClick?: () => void;
  id?: string;
  /** weapp open capabilities, e.g. 'agreePrivacyAuthorization'. */
  openType?: string;
  onAgreePrivacyAuthorization?: () => void;
}

/**
 * THE button. Full width, ≥ 48px (64px in 长辈模式), styled from its state by class.
 * Taro H5 greys out any button carrying a `disabled` attribute — even disabled="false" — and still
 * delivers taps to a disabled one (TOOLCHAIN.md). So the handler is guarded here, and `disabled`
 * and `loading` are set only when true. `aria-disabled` tells assistive technology (and browser
 * tests, which then wait) that a tap would do nothing now.
 */
export function Button({ variant = 'primary', disabled = false, loading = false, className, onClick, openType, children, ...rest }: PropsWithChildren<Props>) {
  const inactive = disabled || loading;
  const classes = ['btn', `btn--${variant}`, inactive ? 'btn--inactive' : '', className ?? ''].filter(Boolean).join(' ');
  // Taro's ButtonProps do not list ARIA attributes; they reach the element all the same.
  const a11y = { role: 'button', 'aria-disabled': inactive ? true : undefined };
  return (
    <TaroButton
      {...rest}
      className={classes}
      {...(disabled ? { disabled: true } : {})}
      {...(loading ? { loading: true } : {})}
      {...(openType ? { openType: openType as any } : {})}
      {...a11y}
      onClick={() => {
        if (!inactive) onClick?.();
      }}
    >
      {children}
    </TaroButton>
  );
}
