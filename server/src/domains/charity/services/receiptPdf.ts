import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../../core/errors/AppError';

/** Debian's fonts-noto-cjk, opened by the PostScript name of one face (as the ledger's 幸福清单 PDF does); only the glyphs used are embedded. */
export const RECEIPT_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

export interface ReceiptView {
  number: string;
  organizationName: string;
  projectTitle: string;
  /** 姓名 / 企业名称 / 匿名爱心人士 */
  donor: string;
  /** A company's 统一社会信用代码 (not for anonymous gifts). */
  taxNumber: string | null;
  amountFigures: string;
  amountWords: string;
  date: string;
  donationId: string;
  transactionId: string;
}

/**
 * The font file's bytes, read once: pdfkit otherwise reads the 19 MB collection for every receipt.
 * Held in memory after the first receipt (19 MB), it halves a receipt's time (docs/charity.md).
 */
const fontBytes = new Map<string, Buffer>();
const bytesOf = (path: string) => fontBytes.get(path) ?? fontBytes.set(path, readFileSync(path)).get(path)!;

/** The electronic 捐赠票据: A5 landscape, a bordered table of organisation, donor, project, amount in figures and in capitals, date. */
export function renderReceiptPdf(r: ReceiptView, font = RECEIPT_FONT): Promise<Buffer> {
  if (!existsSync(font.path)) throw new AppError('SERVICE_UNAVAILABLE', { message: '捐赠票据暂不可用（服务器缺少中文字体）' });
  const doc = new PDFDocument({ size: 'A5', layout: 'landscape', margin: 36, info: { Title: `捐赠票据 ${r.number}`, Author: r.organizationName } });
  doc.registerFont('cjk', bytesOf(font.path), font.family);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });

  const left = 36;
  const width = doc.page.width - 72;
  doc.fontSize(20).fillColor('#c8322b').text('捐赠票据（电子）', left, 30, { width, align: 'center' });
  doc.fontSize(10).fillColor('#555').text(`票据号码：${r.number}`, left, 60, { width, align: 'right' });
  doc.text(`开票日期：${r.date}`, left, 60, { width, align: 'left' });

  const rows: [string, string][] = [
    ['受赠单位', r.organizationName],
    ['捐赠人', r.taxNumber ? `${r.donor}（统一社会信用代码 ${r.taxNumber}）` : r.donor],
    ['捐赠项目', r.projectTitle],
    ['金额（小写）', r.amountFigures],
    ['金额（大写）', r.amountWords],
    ['捐赠日期', r.date],
    ['交易单号', r.transactionId || r.donationId],
  ];
  const labelWidth = 110;
  const rowHeight = 30;
  let y = 80;
  doc.lineWidth(0.8).strokeColor('#c8322b');
  for (const [label, value] of rows) {
    doc.rect(left, y, labelWidth, rowHeight).stroke();
    doc.rect(left + labelWidth, y, width - labelWidth, rowHeight).stroke();
    doc.fillColor('#333').fontSize(12).text(label, left, y + 9, { width: labelWidth, align: 'center' });
    doc.fillColor('#000').fontSize(12).text(value, left + labelWidth + 10, y + 9, { width: width - labelWidth - 20, height: rowHeight - 6, ellipsis: true });
    y += rowHeight;
  }
  doc.fontSize(9).fillColor('#555').text(
    `感谢您的爱心捐赠。本票据由“大救助”慈善筹根据微信支付到账记录电子开具，捐赠编号 ${r.donationId}；如需纸质票据或税前扣除凭证，请联系${r.organizationName}。`,
    left, y + 12, { width },
  );
  doc.end();
  return done;
}
