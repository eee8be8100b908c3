import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import type { ErrorCode } from '@dajiuzhu/shared';
import { AppError } from '../errors/AppError';

/**
 * Reading import files, for every domain that imports other departments' files (the ledger,
 * monitoring): what kind of file it is (by content, never by name), which text encoding a CSV uses
 * (UTF-8 or GBK/GB18030, detected or declared), and its rows as a stream, so a file of a million
 * rows never sits in memory. Each domain names the error codes its callers see (`ImportFileCodes`).
 */
export type ImportFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf8' | 'gbk';

export interface FileKind { format: ImportFormat; encoding: TextEncoding | 'n/a' }

/** The domain's codes for: an empty file, not CSV/XLSX, an unreadable encoding, a broken file. */
export interface ImportFileCodes { empty: ErrorCode; fileType: ErrorCode; encoding: ErrorCode; unreadable: ErrorCode }

const SNIFF_BYTES = 64 * 1024;

function isValidUtf8(buf: Buffer, truncated: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: truncated });
    return true;
  } catch {
    return false;
  }
}

/** Share of characters that are control characters other than tab, CR, LF: text has almost none. */
function controlShare(text: string): number {
  if (!text.length) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || c === 0x7f) n++;
  }
  return n / text.length;
}

export async function sniffImportFile(path: string, size: number, declared: 'auto' | TextEncoding, codes: ImportFileCodes): Promise<FileKind> {
  if (size === 0) throw new AppError(codes.empty);
  const fh = await open(path, 'r');
  const head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
  try { await fh.read(head, 0, head.length, 0); } finally { await fh.close(); }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { format: 'xlsx', encoding: 'n/a' };
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new AppError(codes.fileType, { message: '这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入' });
  }
  if (head.includes(0)) throw new AppError(codes.fileType);
  const truncated = size > head.length;
  const body = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
  let encoding: TextEncoding;
  if (declared === 'utf8') {
    if (!isValidUtf8(body, truncated)) throw new AppError(codes.encoding, { message: '文件不是 UTF-8 编码：如果是从 Excel 另存的 CSV，通常是 GBK 编码，请选择 GBK 后重新导入' });
    encoding = 'utf8';
  } else if (declared === 'gbk') encoding = 'gbk';
  else encoding = isValidUtf8(body, truncated) ? 'utf8' : 'gbk';
  const text = encoding === 'utf8' ? body.toString('utf8') : iconv.decode(body, 'gb18030');
  const share = controlShare(text);
  if (share > 0.01) {
    // Not text in this encoding: binary garbage, or an encoding we cannot read.
    throw new AppError(encoding === 'gbk' && declared === 'auto' && controlShare(text.replace(/\ufffd/g, '')) < 0.01 ? codes.encoding : codes.fileType);
  }
  return { format: 'csv', encoding };
}

export interface FileRow { line: number; cells: string[] }

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  // exceljs gives a date cell as that day at 00:00 UTC (a spreadsheet day has no time zone): its UTC date is the cell's date.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    return '';
  }
  return String(v);
}

/** Rows of the file in order, the header row included (line 1). */
export async function* readImportRows(path: string, kind: FileKind, codes: Pick<ImportFileCodes, 'unreadable'>): AsyncGenerator<FileRow> {
  if (kind.format === 'xlsx') {
    let reader: ExcelJS.stream.xlsx.WorkbookReader;
    try {
      reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
    } catch {
      throw new AppError(codes.unreadable);
    }
    try {
      for await (const sheet of reader) {
        for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
          const values = row.values as unknown[];
          const cells: string[] = [];
          for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
          if (cells.some((c) => c !== '')) yield { line: row.number, cells };
        }
        break; // the first worksheet only
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError(codes.unreadable, { details: { reason: String((err as Error).message ?? err).slice(0, 200) } });
    }
    return;
  }
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  const decoded = kind.encoding === 'gbk' ? input.pipe(iconv.decodeStream('gb18030')) : input;
  const parser = decoded.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, info: true, encoding: 'utf8' }));
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (rec.record.every((c) => c === '')) continue;
      yield { line: rec.info.lines, cells: rec.record };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(codes.unreadable, { details: { reason: String((err as Error).message ?? err).slice(0, 200) } });
  } finally {
    input.destroy();
  }
}

/** The header and the first data row, read at upload so a wrong file is refused at once (400) instead of failing in the background. */
export async function readHead(path: string, kind: FileKind, codes: Pick<ImportFileCodes, 'unreadable'>): Promise<string[][]> {
  const head: string[][] = [];
  for await (const row of readImportRows(path, kind, codes)) {
    head.push(row.cells);
    if (head.length === 2) break;
  }
  return head;
}
