/** A cell a spreadsheet would read as a formula (or, after a tab or CR, as the start of one). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number ("-12.50"): no spreadsheet reads it as a formula, so a negative amount stays a number. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * One CSV cell (RFC 4180 quoting), safe to open in Excel or WPS: a value starting with = + - @, a
 * tab or a CR — text from an imported file, such as an unparsable period `=HYPERLINK(…)` — gets a
 * leading `'`, so it is shown as text and never evaluated (CSV formula injection).
 */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV line of cells, CRLF-terminated (what Excel expects). */
export const csvLine = (cells: readonly (string | number)[]) => `${cells.map(csvCell).join(',')}\r\n`;
