import { parseAmountToFen, formatYuan, formatYuanText } from '../money';
import { normalizePeriod } from './period';
import { resolveColumns, validateImportRow, type ImportRowRules } from './importRow';
import { assembleStatement, diffStatements, statementFingerprint, statementSummary } from './statement';

const RULES: ImportRowRules = { amountUnit: 'yuan', allowedProgrammes: ['medical', 'education'], defaultProgramme: 'medical', currentPeriod: '2025-06', today: '2025-06-15', programmeAliases: { 医疗救助: 'medical' } };
const GOOD_ID = '11010519491231002X';

describe('amounts', () => {
  it('parses yuan and fen exactly', () => {
    expect(parseAmountToFen('755', 'yuan')).toEqual({ fen: 75500 });
    expect(parseAmountToFen('1,234.5', 'yuan')).toEqual({ fen: 123450 });
    expect(parseAmountToFen('0.07', 'yuan')).toEqual({ fen: 7 });
    expect(parseAmountToFen('￥12.30元', 'yuan')).toEqual({ fen: 1230 });
    expect(parseAmountToFen('75500', 'fen')).toEqual({ fen: 75500 });
    expect(parseAmountToFen('1.10', 'yuan')).toEqual({ fen: 110 });
  });
  it('refuses negative, zero, non-numeric, too precise and huge amounts', () => {
    expect(parseAmountToFen('-5', 'yuan')).toEqual({ problem: 'amountNotPositive' });
    expect(parseAmountToFen('0', 'yuan')).toEqual({ problem: 'amountNotPositive' });
    expect(parseAmountToFen('abc', 'yuan')).toEqual({ problem: 'amountNotNumber' });
    expect(parseAmountToFen('', 'yuan')).toEqual({ problem: 'amountMissing' });
    expect(parseAmountToFen('1.005', 'yuan')).toEqual({ problem: 'amountTooPrecise' });
    expect(parseAmountToFen('10.5', 'fen')).toEqual({ problem: 'amountTooPrecise' });
    expect(parseAmountToFen('99999999999', 'yuan')).toEqual({ problem: 'amountTooLarge' });
  });
  it('formats fen as yuan with two decimals', () => {
    expect(formatYuan(75500)).toBe('755.00');
    expect(formatYuan(7)).toBe('0.07');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuanText(123450)).toBe('1234.50 元');
  });
});

describe('periods', () => {
  it('normalises the ways departments write a month', () => {
    for (const t of ['2025-03', '2025-3', '2025/03', '202503', '2025年3月', ' 2025.03 ']) expect(normalizePeriod(t)).toBe('2025-03');
    for (const t of ['2025-13', '2025-00', '25-03', 'March', '']) expect(normalizePeriod(t)).toBeNull();
  });
});

describe('import rows', () => {
  it('accepts a good row and applies the default programme and aliases', () => {
    expect(validateImportRow({ idNumber: GOOD_ID.toLowerCase(), amount: '300', period: '2025-05' }, RULES)).toEqual({ ok: true, row: { idNumber: GOOD_ID, amountFen: 30000, period: '2025-05', programme: 'medical', reference: '', paidOn: '' } });
    expect(validateImportRow({ idNumber: GOOD_ID, amount: '1', period: '2025-05', programme: '医疗救助' }, RULES)).toMatchObject({ ok: true, row: { programme: 'medical' } });
  });
  it('names every problem of a bad row', () => {
    expect(validateImportRow({ idNumber: '110105194912310021', amount: '-3', period: '2025-07', programme: 'dibao' }, RULES)).toEqual({ ok: false, problems: ['idNumberCheckDigit', 'amountNotPositive', 'periodFuture', 'programmeUnknown'] });
    expect(validateImportRow({ idNumber: '123', amount: 'x', period: 'soon' }, RULES)).toEqual({ ok: false, problems: ['idNumberFormat', 'amountNotNumber', 'periodInvalid'] });
    expect(validateImportRow({ amount: '1', period: '2025-01' }, RULES)).toEqual({ ok: false, problems: ['idNumberMissing'] });
  });
  it('finds columns by saved mapping, then by default names', () => {
    const r = resolveColumns(['\uFEFF证件号码', '救助金额', '月份'], { amount: '救助金额' }, { idNumber: ['身份证号', '证件号码'], period: ['发放月份', '月份'] });
    expect(r).toEqual({ columns: { idNumber: 0, amount: 1, period: 2 }, missing: [] });
    expect(resolveColumns(['姓名'], {}, {}).missing).toEqual(['idNumber', 'amount', 'period']);
  });
});

describe('statement', () => {
  const rows = [
    { programme: 'dibao', period: '2025-01', amountFen: 75500 },
    { programme: 'dibao', period: '2025-02', amountFen: 75500 },
    { programme: 'medical', period: '2025-02', amountFen: 12345 },
    { programme: 'dibao', period: '2025-02', amountFen: -500 }, // adjustment
    { programme: 'wish', period: '2025-03', amountFen: 8000 },
    { programme: 'dibao', period: '2024-12', amountFen: 75500 }, // other year
  ];
  it('sums per programme and month, with a grand total and other help apart', () => {
    const s = assembleStatement(2025, rows);
    expect(s.programmes.map((p) => p.programme)).toEqual(['dibao', 'medical']);
    expect(s.programmes[0].months.slice(0, 3)).toEqual([75500, 75000, 0]);
    expect(s.programmes[0].totalFen).toBe(150500);
    expect(s.monthlyTotals.slice(0, 2)).toEqual([75500, 87345]);
    expect(s.grandTotalFen).toBe(162845);
    expect(s.otherHelp).toEqual([expect.objectContaining({ programme: 'wish', times: 1, valueFen: 8000 })]);
    expect(statementSummary(s)).toBe('2025年，您一共领取了 2 项救助，合计 1628.45 元。');
  });
  it('says what changed between versions', () => {
    const v1 = assembleStatement(2025, rows);
    const v2 = assembleStatement(2025, [...rows, { programme: 'dibao', period: '2025-03', amountFen: 75500 }, { programme: 'heating', period: '2025-01', amountFen: 60000 }]);
    expect(statementFingerprint(v1)).not.toBe(statementFingerprint(v2));
    expect(statementFingerprint(v1)).toBe(statementFingerprint(assembleStatement(2025, [...rows].reverse())));
    expect(diffStatements(v1, v2).map((c) => c.text)).toEqual(['最低生活保障（低保） 3月：0.00 元 → 755.00 元', '新增：取暖补贴，全年 600.00 元']);
    expect(diffStatements(null, v2)).toEqual([]);
  });
});

describe('lookups keyed by what a file says use own properties only', () => {
  it('a programme cell naming a built-in property is an unknown programme, not a crash', () => {
    for (const cell of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const r = validateImportRow({ idNumber: GOOD_ID, amount: '10', period: '2025-03', programme: cell }, RULES);
      expect(r).toEqual({ ok: false, problems: ['programmeUnknown'] });
    }
  });
});
