import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { formatYuanText, type ExitLetterView } from '@dajiuzhu/shared';
import { AppError } from '../../../core/errors/AppError';

/** Debian's fonts-noto-cjk, as the 幸福清单 uses it (ledger/services/happinessListPdf.ts; a domain may not import another's files). */
export const CJK_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

/** The paper 告知书 of a stop or a cut: A4, large type, the computed and the stated reasons line by line, how to ask for a review. */
export function renderLetterPdf(l: ExitLetterView, font = CJK_FONT): Promise<Buffer> {
  if (!existsSync(font.path)) throw new AppError('SERVICE_UNAVAILABLE', { message: '告知书暂不可用（服务器缺少中文字体）' });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: l.title, Author: '大救助' } });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });

  doc.fontSize(22).text(l.title, { align: 'center' });
  doc.moveDown(1).fontSize(15).text(`${l.beneficiaryNameMasked}：`);
  const what = l.kind === 'stop'
    ? `经复核，您的${l.programmeName}自 ${l.endFromMonth} 起停止发放${l.phaseOutMonths ? `；此前 ${l.phaseOutMonths} 个月为渐退期，照常发放` : ''}。`
    : `经复核，您的${l.programmeName}自 ${l.fromMonth} 起调整为每月 ${formatYuanText(l.monthlyAmountFen)}。`;
  doc.moveDown(0.5).fontSize(15).text(what);
  doc.moveDown(0.8).fontSize(16).text('核对情况');
  for (const r of l.computedReasons) doc.fontSize(14).text(`· ${r}`);
  doc.moveDown(0.5).fontSize(16).text('理由');
  l.reasons.forEach((r, i) => doc.fontSize(14).text(`${i + 1}. ${r}`));
  doc.moveDown(1).fontSize(13).text('如对本决定有异议，可在收到本告知书后通过小程序"申请复查"，或到乡镇（街道）窗口提出。');
  doc.moveDown(2).fontSize(14).text(l.issuingOffice, { align: 'right' });
  doc.fontSize(14).text(l.issuedOn, { align: 'right' });
  doc.end();
  return done;
}
