import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { formatYuan, formatYuanText, issuingOffice, regionName, shanghaiDate, shanghaiMonth, type HappinessListView } from '@dajiuzhu/shared';
import { AppError } from '../../../core/errors/AppError';

/** Debian's fonts-noto-cjk; pdfkit opens the collection by the PostScript name of one face and embeds only the glyphs used. */
export const CJK_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

/** The paper 幸福清单: A4, large type, every programme with its twelve months, totals in yuan with two decimals. */
export function renderHappinessListPdf(list: HappinessListView, font = CJK_FONT): Promise<Buffer> {
  if (!existsSync(font.path)) throw new AppError('SERVICE_UNAVAILABLE', { message: '打印版暂不可用（服务器缺少中文字体）' });
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `${list.year}年幸福清单`, Author: '大救助' } });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });

  const width = doc.page.width - 96;
  doc.fontSize(24).fillColor('#c8322b').text(`${list.year}年 幸福清单`, { align: 'center' });
  doc.moveDown(0.3).fontSize(12).fillColor('#555').text(`第 ${list.version} 版 · 发布日期 ${shanghaiDate(new Date(list.publishedAt))}`, { align: 'center' });
  // Who issues it: the county 民政局 of the person's region (a paper without an issuer is not a record).
  doc.moveDown(0.2).fontSize(12).text(`出具单位：${issuingOffice(list.beneficiary.regionCode)}`, { align: 'center' });
  doc.moveDown(0.8).fillColor('#000').fontSize(14).text(`姓名：${list.beneficiary.nameMasked || '—'}    身份证号：${list.beneficiary.idNumberMasked || '—'}`);
  doc.fontSize(14).text(`地区：${regionName(list.beneficiary.regionCode)}`);
  // Months of this year still to come read 未到期, not 0.00.
  const [nowYear, nowMonth] = shanghaiMonth().split('-').map(Number);
  const due = list.year < nowYear ? 12 : list.year > nowYear ? 0 : nowMonth;
  doc.moveDown(0.5).fontSize(16).text(list.summary);
  doc.moveDown(0.5).fontSize(18).fillColor('#c8322b').text(`全年合计：${formatYuanText(list.grandTotalFen)}`);
  doc.fillColor('#000');

  for (const p of list.programmes) {
    if (doc.y > doc.page.height - 200) doc.addPage();
    doc.moveDown(0.8).fontSize(16).text(`${p.name}：全年 ${formatYuanText(p.totalFen)}`);
    if (p.plain) doc.fontSize(11).fillColor('#555').text(p.plain).fillColor('#000');
    const cell = width / 6;
    for (let row = 0; row < 2; row++) {
      const y = doc.y + 4;
      for (let col = 0; col < 6; col++) {
        const m = row * 6 + col;
        doc.rect(48 + col * cell, y, cell, 36).strokeColor('#ccc').stroke();
        doc.fontSize(10).fillColor('#555').text(`${m + 1}月`, 52 + col * cell, y + 3, { width: cell - 8 });
        doc.fontSize(12).fillColor(m < due ? '#000' : '#555').text(m < due ? formatYuan(p.months[m]) : '未到期', 52 + col * cell, y + 17, { width: cell - 8 });
      }
      doc.x = 48;
      doc.y = y + 38;
    }
  }
  if (list.otherHelp.length) {
    doc.moveDown(0.8).fontSize(16).text('其他帮助');
    for (const o of list.otherHelp) doc.fontSize(13).text(`${o.name}：${o.times} 次${o.valueFen ? `，价值约 ${formatYuanText(o.valueFen)}` : ''}`);
  }
  if (list.standards.length) {
    doc.moveDown(0.8).fontSize(16).text('执行的救助标准');
    for (const s of list.standards) doc.fontSize(12).text(`${s.label}：${s.text}`);
  }
  if (list.changes.length) {
    doc.moveDown(0.8).fontSize(16).text('本版更正的内容');
    for (const c of list.changes) doc.fontSize(12).text(c.text);
  }
  doc.moveDown(1.2).fontSize(11).fillColor('#555').text('如对清单有疑问，可在“大救助”小程序的幸福清单页面提出，或联系当地乡镇（街道）民政工作人员。');
  doc.end();
  return done;
}
