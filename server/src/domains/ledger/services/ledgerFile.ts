import { readImportRows as readRows, sniffImportFile as sniff, type FileKind, type FileRow, type ImportFileCodes, type TextEncoding } from '../../../core/imports/fileReading';

/**
 * The ledger's import files: the generic reading (core/imports/fileReading.ts: kind by content,
 * UTF-8/GBK, streamed CSV/XLSX rows) with the ledger's error codes.
 */
export type { FileKind, FileRow, ImportFormat, TextEncoding } from '../../../core/imports/fileReading';

const LEDGER_FILE_CODES: ImportFileCodes = {
  empty: 'LEDGER_IMPORT_EMPTY', fileType: 'LEDGER_IMPORT_FILE_TYPE', encoding: 'LEDGER_IMPORT_ENCODING', unreadable: 'LEDGER_IMPORT_UNREADABLE',
};

export const sniffImportFile = (path: string, size: number, declared: 'auto' | TextEncoding): Promise<FileKind> => sniff(path, size, declared, LEDGER_FILE_CODES);

/** Rows of the file in order, the header row included (line 1). */
export const readImportRows = (path: string, kind: FileKind): AsyncGenerator<FileRow> => readRows(path, kind, LEDGER_FILE_CODES);
