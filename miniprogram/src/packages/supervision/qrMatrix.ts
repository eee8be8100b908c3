import qrcode from 'qrcode-generator';

/**
 * The modules of a QR code for `text` (true = dark), error correction M, the smallest version that
 * holds it. qrcode-generator (MIT, no dependencies, no eval) does the encoding; the card draws the
 * matrix with plain views, so it looks the same on weapp and H5 and needs no canvas.
 */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => qr.isDark(row, col)));
}
