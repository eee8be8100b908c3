/**
 * Colours and sizes for TypeScript (canvas drawing, app.config.ts, the tab bar): the same values
 * as tokens.scss, which is the source for every stylesheet. Change both together
 * (docs/design.md lists the roles and their measured contrast ratios).
 */
export const COLORS = {
  primary: '#1456a8',
  primaryLight: '#2b6cc4',
  primarySoft: '#e8f0fb',
  onPrimary: '#ffffff',
  danger: '#a61d24',
  dangerSoft: '#fdecea',
  success: '#17692b',
  successSoft: '#e6f4ea',
  warning: '#7a4f00',
  warningSoft: '#fff4e0',
  text: '#1f2329',
  muted: '#545b66',
  bg: '#f5f6f8',
  surface: '#ffffff',
  surfaceWarm: '#fff8f0',
} as const;

/** The two type scales (real px): the standard one and 长辈模式 (no text below 18px). */
export const TYPE_SCALE = {
  standard: { xs: 12, sm: 13, caption: 14, body: 16, button: 17, lead: 20, amount: 24, title: 24, tapMin: 44, buttonMin: 48 },
  elder: { xs: 18, sm: 18, caption: 18, body: 20, button: 22, lead: 24, amount: 30, title: 30, tapMin: 60, buttonMin: 64 },
} as const;

/** The tone of a status tag: one of the colour roles. */
export type Tone = 'primary' | 'danger' | 'success' | 'warning' | 'neutral';
