/**
 * Colours for TypeScript (canvas drawing, app.config.ts): the same values as tokens.scss, which
 * is the source for every stylesheet. Change both together.
 */
export const COLORS = {
  primary: '#c8322b',
  primaryLight: '#e0574f',
  onPrimary: '#ffffff',
  danger: '#a61d24',
  success: '#1e7b34',
  warning: '#8a5a00',
  text: '#1f2329',
  muted: '#5c6370',
  bg: '#f5f6f8',
  surface: '#ffffff',
  surfaceWarm: '#fff8f0',
} as const;
