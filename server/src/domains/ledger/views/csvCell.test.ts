import { csvCell, csvLine } from './csvCell';

describe('csvCell: a report cell a spreadsheet shows as text, never evaluates', () => {
  it.each([
    ['=HYPERLINK("http://x","点击")', `"'=HYPERLINK(""http://x"",""点击"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('prefixes %j with a quote', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves plain text and numbers, negative ones included, as they are', () => {
    expect(csvCell('已入账')).toBe('已入账');
    expect(csvCell(12)).toBe('12');
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('2025-03')).toBe('2025-03');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
  });

  it('joins a line with CRLF', () => {
    expect(csvLine([1, '=1', 'x'])).toBe("1,'=1,x\r\n");
  });
});
