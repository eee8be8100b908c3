/**
 * The rules every imported row passes before it can reach the ledger. Pure, so the server applies
 * them to a million rows and the staff screen can explain a rejected row in the same words.
 */
import { findIdNumberProblem, normalizeIdNumber } from '../rules/idNumber';
import { parseAmountToFen, type AmountProblem, type AmountUnit } from '../money';
import { normalizePeriod } from './period';

/** The fields a row maps to (the mapping names the column of each). */
export const IMPORT_FIELDS = ['idNumber', 'amount', 'period', 'programme', 'name', 'reference', 'paidOn'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['idNumber', 'amount', 'period'];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  idNumber: '身份证号',
  amount: '金额',
  period: '发放月份',
  programme: '救助项目',
  name: '姓名',
  reference: '业务流水号',
  paidOn: '发放日期',
};

export type ImportRowProblem =
  | 'idNumberMissing'
  | 'idNumberFormat'
  | 'idNumberBirthDate'
  | 'idNumberCheckDigit'
  | AmountProblem
  | 'periodInvalid'
  | 'periodFuture'
  | 'programmeUnknown'
  | 'paidOnInvalid'
  | 'unmatched'
  | 'nameMismatch'
  | 'duplicate';

export const IMPORT_ROW_PROBLEM_MESSAGES: Record<ImportRowProblem, string> = {
  idNumberMissing: '缺少身份证号',
  idNumberFormat: '身份证号格式不对（应为18位）',
  idNumberBirthDate: '身份证号中的出生日期不正确',
  idNumberCheckDigit: '身份证号校验码不对',
  amountMissing: '缺少金额',
  amountNotNumber: '金额不是数字',
  amountNotPositive: '金额必须大于0',
  amountTooPrecise: '金额小数位过多（元最多两位小数，分不能有小数）',
  amountTooLarge: '金额过大',
  periodInvalid: '发放月份不正确（应为 YYYY-MM）',
  periodFuture: '发放月份是将来的月份',
  programmeUnknown: '救助项目不在可导入的项目中',
  paidOnInvalid: '发放日期不正确（应为 YYYY-MM-DD）',
  unmatched: '未找到该身份证号对应的本辖区救助对象',
  nameMismatch: '姓名与该身份证号的救助对象不一致：暂不入账，等待工作人员核对确认',
  duplicate: '该笔发放已在台账中（重复行，未再次入账）',
};

export interface RawImportRow {
  idNumber?: string;
  amount?: string;
  period?: string;
  programme?: string;
  name?: string;
  reference?: string;
  paidOn?: string;
}

export interface ValidImportRow {
  idNumber: string;
  amountFen: number;
  period: string;
  programme: string;
  reference: string;
  paidOn: string;
}

export interface ImportRowRules {
  amountUnit: AmountUnit;
  /** Programme codes this source may send; an empty cell takes `defaultProgramme`. */
  allowedProgrammes: readonly string[];
  defaultProgramme: string;
  /** Current month YYYY-MM and day YYYY-MM-DD (Asia/Shanghai). */
  currentPeriod: string;
  today: string;
  /** Maps the department's own names (e.g. "医疗救助") to codes. */
  programmeAliases?: Readonly<Record<string, string>>;
}

export type ImportRowResult = { ok: true; row: ValidImportRow } | { ok: false; problems: ImportRowProblem[] };

const ID_PROBLEMS = { format: 'idNumberFormat', birthDate: 'idNumberBirthDate', checkDigit: 'idNumberCheckDigit' } as const;

export function validateImportRow(raw: RawImportRow, rules: ImportRowRules): ImportRowResult {
  const problems: ImportRowProblem[] = [];
  const idText = normalizeIdNumber(raw.idNumber ?? '');
  if (!idText) problems.push('idNumberMissing');
  else {
    const p = findIdNumberProblem(idText, rules.today);
    if (p) problems.push(ID_PROBLEMS[p]);
  }
  const amount = parseAmountToFen(raw.amount ?? '', rules.amountUnit);
  if ('problem' in amount) problems.push(amount.problem);
  const period = normalizePeriod(raw.period ?? '');
  if (!period) problems.push('periodInvalid');
  else if (period > rules.currentPeriod) problems.push('periodFuture');
  const programmeText = (raw.programme ?? '').trim();
  // Own keys only: a cell saying "constructor" or "__proto__" is an unknown programme, not Object's.
  const aliases = rules.programmeAliases;
  const alias = aliases && Object.prototype.hasOwnProperty.call(aliases, programmeText) ? aliases[programmeText] : undefined;
  const programme = programmeText ? (alias ?? programmeText) : rules.defaultProgramme;
  if (!rules.allowedProgrammes.includes(programme)) problems.push('programmeUnknown');
  const paidOn = (raw.paidOn ?? '').trim().replace(/\//g, '-');
  if (paidOn && !/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) problems.push('paidOnInvalid');
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    row: { idNumber: idText, amountFen: (amount as { fen: number }).fen, period: period!, programme, reference: (raw.reference ?? '').trim().slice(0, 64), paidOn },
  };
}

/** Finds which column holds each field: the saved mapping first, then the default header names. */
export function resolveColumns(
  headers: readonly string[],
  mapping: Partial<Record<ImportField, string>>,
  defaults: Partial<Record<ImportField, readonly string[]>>,
): { columns: Partial<Record<ImportField, number>>; missing: ImportField[] } {
  const clean = headers.map((h) => String(h ?? '').replace(/^\uFEFF/, '').trim());
  const columns: Partial<Record<ImportField, number>> = {};
  for (const field of IMPORT_FIELDS) {
    const names = [mapping[field], ...(defaults[field] ?? [])].filter((n): n is string => typeof n === 'string' && !!n);
    const idx = names.map((n) => clean.indexOf(n.trim())).find((i) => i >= 0);
    if (idx !== undefined) columns[field] = idx;
  }
  return { columns, missing: REQUIRED_IMPORT_FIELDS.filter((f) => columns[f] === undefined) };
}
