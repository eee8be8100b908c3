import type { HappinessListView } from '@dajiuzhu/shared';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { COLORS } from '../../styles/tokens';
import { font, type ShareImage } from '../../services/shareImage';

/**
 * How many months of `year` are due by `month` ("YYYY-MM", Asia/Shanghai): all 12 of a past year,
 * none of a future one, and this year's up to and including this month. Later months are 未到期.
 */
export function dueMonths(year: number, month: string): number {
  const [y, m] = month.split('-').map(Number);
  if (year < y) return 12;
  if (year > y) return 0;
  return m;
}

/**
 * The 幸福清单 as a picture to send to family: the masked name, the year's total, each programme's
 * total and the months paid. No ID number, phone or address.
 */
export function statementImage(list: HappinessListView, due: number): ShareImage {
  const rows = list.programmes.slice(0, 6);
  const height = 260 + rows.length * 36;
  return {
    width: 320,
    height,
    draw(p) {
      p.fillStyle = COLORS.surface;
      p.fillRect(0, 0, 320, height);
      p.fillStyle = COLORS.primary;
      p.fillRect(0, 0, 320, 96);
      p.textAlign = 'left';
      p.fillStyle = '#ffffff';
      p.font = font(22, true);
      p.fillText(`${list.year}年幸福清单`, 20, 42);
      p.font = font(15);
      p.fillText(`${list.beneficiary.nameMasked} · 第${list.version}版`, 20, 74);
      p.fillStyle = COLORS.text;
      p.font = font(15);
      p.fillText(due < 12 ? `截至${due}月合计` : '全年合计', 20, 132);
      p.fillStyle = COLORS.primary;
      p.font = font(26, true);
      p.fillText(formatYuanText(list.grandTotalFen), 20, 168, 280);
      rows.forEach((r, i) => {
        const y = 212 + i * 36;
        p.fillStyle = COLORS.text;
        p.font = font(15);
        p.textAlign = 'left';
        p.fillText(r.name, 20, y, 170);
        p.textAlign = 'right';
        p.fillText(formatYuanText(r.totalFen), 300, y, 120);
      });
      p.textAlign = 'left';
      p.fillStyle = COLORS.muted;
      p.font = font(12);
      p.fillText('大救助 · 社会救助服务', 20, height - 24);
    },
  };
}
