import { addCalendarDays, type ApplicationView } from '@dajiuzhu/shared';

export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')} 元`);
/** YYYY-MM-DD HH:mm in Beijing time. */
export function beijing(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600e3).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
export const dayOf = (iso: string) => beijing(iso).slice(0, 10);
export { addCalendarDays };
export type { ApplicationView };
