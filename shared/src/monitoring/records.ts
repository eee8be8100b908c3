import { findIdNumberProblem, normalizeIdNumber } from '../rules/idNumber';
import { isCalendarDate } from '../rules/date';
import { isRegionCode } from '../rules/region';
import { parseAmountToFen } from '../money/index';
import { groupOf, type MonitoredGroup } from './groups';
import type { MonitoringField, MonitoringSource } from './sources';

/**
 * One department row, checked and normalised (数据比对): what happened to whom and when. Amounts in
 * fen. The raw row's cells are never stored; only this (and the person's blind index) is.
 */
export const RECORD_KINDS = [
  'medicalCost', 'disabilityCertificate', 'unemployment', 'pension', 'death', 'hukouChange', 'enrolment', 'schoolCost',
  'vehicle', 'company', 'realEstate', 'referral', 'listEntry',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  medicalCost: '医疗费用结算', disabilityCertificate: '残疾人证', unemployment: '失业登记', pension: '养老金', death: '死亡登记',
  hukouChange: '户籍变动', enrolment: '在读登记', schoolCost: '学杂费', vehicle: '车辆登记', company: '企业登记', realEstate: '不动产登记',
  referral: '12345 热线转办', listEntry: '纳入监测名单',
};

export interface DepartmentRecord {
  kind: RecordKind;
  /** YYYY-MM-DD. */
  date: string;
  /** Out-of-pocket (medical), school cost, monthly pension, asset value; null when the row has none. */
  amountFen: number | null;
  /** Medical: the whole bill. */
  totalFen: number | null;
  /** Disability grade 1–4. */
  grade: number | null;
  /** A short text (12345 content), at most 200 characters. */
  text: string;
  reference: string;
}

/** A list row: who is monitored, in which group, where, with their household. */
export interface ListEntry {
  group: MonitoredGroup;
  regionCode: string;
  householdNo: string;
  /** Monthly household income (fen), when the list states it. */
  householdIncomeFen: number | null;
  householdSize: number | null;
}

export type RecordProblem =
  | 'idNumberMissing' | 'idNumberFormat' | 'idNumberCheckDigit' | 'idNumberBirthDate'
  | 'dateMissing' | 'dateInvalid' | 'dateInFuture' | 'amountInvalid' | 'gradeInvalid' | 'eventUnknown' | 'assetKindUnknown'
  | 'contentMissing' | 'nameMissing' | 'groupUnknown' | 'regionInvalid' | 'incomeInvalid' | 'sizeInvalid';

export const RECORD_PROBLEM_MESSAGES: Record<RecordProblem, string> = {
  idNumberMissing: '缺少身份证号', idNumberFormat: '身份证号格式不正确', idNumberCheckDigit: '身份证号校验位不正确', idNumberBirthDate: '身份证号中的出生日期不正确',
  dateMissing: '缺少日期', dateInvalid: '日期不正确（应为 YYYY-MM-DD）', dateInFuture: '日期晚于今天', amountInvalid: '金额不正确', gradeInvalid: '残疾等级应为 1–4 级',
  eventUnknown: '事项无法识别', assetKindUnknown: '资产类别无法识别（车辆、企业、房产）', contentMissing: '缺少内容', nameMissing: '缺少姓名',
  groupUnknown: '监测类别无法识别', regionInvalid: '行政区划代码不正确', incomeInvalid: '家庭月收入不正确', sizeInvalid: '家庭人口不正确',
};

export type RawRecordRow = Partial<Record<MonitoringField, string>>;

export type RecordResult =
  | { ok: true; idNumber: string; name: string; record: DepartmentRecord; list: ListEntry | null }
  | { ok: false; problems: RecordProblem[] };

const EVENT_WORDS: Record<'humanResources' | 'publicSecurity' | 'education', Record<string, RecordKind>> = {
  humanResources: { 失业: 'unemployment', 失业登记: 'unemployment', 登记失业: 'unemployment', unemployment: 'unemployment', 养老金: 'pension', 领取养老金: 'pension', pension: 'pension' },
  publicSecurity: { 死亡: 'death', 死亡登记: 'death', 注销: 'death', death: 'death', 户籍迁出: 'hukouChange', 迁出: 'hukouChange', 户籍变动: 'hukouChange', hukouChange: 'hukouChange' },
  education: { 在读: 'enrolment', 入学: 'enrolment', 在读登记: 'enrolment', enrolment: 'enrolment', 学杂费: 'schoolCost', 学费: 'schoolCost', schoolCost: 'schoolCost' },
};
const ASSET_WORDS: Record<string, RecordKind> = {
  车辆: 'vehicle', 机动车: 'vehicle', vehicle: 'vehicle', 企业: 'company', 公司: 'company', 工商登记: 'company', company: 'company',
  房产: 'realEstate', 不动产: 'realEstate', 商品房: 'realEstate', realEstate: 'realEstate',
};
const GRADE_WORDS: Record<string, number> = { 一级: 1, 二级: 2, 三级: 3, 四级: 4, '1': 1, '2': 2, '3': 3, '4': 4, 一: 1, 二: 2, 三: 3, 四: 4 };

const cell = (v: string | undefined) => (v ?? '').trim();

/** Dates as departments write them: 2026-03-05, 2026/3/5, 20260305. */
export function normaliseDate(raw: string): string | null {
  const t = raw.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isCalendarDate(d) ? d : null;
}

function yuan(raw: string, problems: RecordProblem[], problem: RecordProblem = 'amountInvalid'): number | null {
  if (!raw) return null;
  if (/^0+(?:\.0+)?$/.test(raw)) return 0; // a household with no income states 0, which is not a missing amount
  const r = parseAmountToFen(raw.replace(/[,，]/g, ''), 'yuan');
  if ('fen' in r) return r.fen;
  problems.push(problem);
  return null;
}

/**
 * Checks one row of `source` and turns it into a record. Every problem of the row is listed (the
 * per-row report shows them all), and a row with any problem is not used. `today` is the Shanghai
 * date of the import: a date after it is refused.
 */
export function validateRecordRow(source: MonitoringSource, raw: RawRecordRow, today: string): RecordResult {
  const problems: RecordProblem[] = [];
  const idRaw = cell(raw.idNumber);
  let idNumber = '';
  if (!idRaw) problems.push('idNumberMissing');
  else {
    idNumber = normalizeIdNumber(idRaw);
    const p = findIdNumberProblem(idNumber, today);
    if (p === 'format') problems.push('idNumberFormat');
    else if (p === 'checkDigit') problems.push('idNumberCheckDigit');
    else if (p === 'birthDate') problems.push('idNumberBirthDate');
  }
  const name = cell(raw.name).slice(0, 30);
  let date = today;
  const dateRaw = cell(raw.date);
  if (dateRaw) {
    const d = normaliseDate(dateRaw);
    if (!d) problems.push('dateInvalid');
    else if (d > today) problems.push('dateInFuture');
    else date = d;
  } else if (source !== 'populationList') problems.push('dateMissing');

  const record: DepartmentRecord = { kind: 'listEntry', date, amountFen: null, totalFen: null, grade: null, text: '', reference: cell(raw.reference).slice(0, 64) };
  let list: ListEntry | null = null;
  switch (source) {
    case 'medical':
      record.kind = 'medicalCost';
      record.amountFen = yuan(cell(raw.amount), problems);
      if (record.amountFen === null && !problems.includes('amountInvalid')) problems.push('amountInvalid');
      record.totalFen = yuan(cell(raw.total), problems);
      break;
    case 'disability': {
      record.kind = 'disabilityCertificate';
      const g = cell(raw.grade).replace(/级$/, '');
      const grade = GRADE_WORDS[g] ?? GRADE_WORDS[`${g}级`];
      if (!grade) problems.push('gradeInvalid');
      else record.grade = grade;
      break;
    }
    case 'humanResources':
    case 'publicSecurity':
    case 'education': {
      const words = EVENT_WORDS[source];
      const e = cell(raw.event);
      const amount = yuan(cell(raw.amount), problems);
      const kind = e ? (Object.prototype.hasOwnProperty.call(words, e) ? words[e] : null) : source === 'education' ? (amount !== null ? 'schoolCost' : 'enrolment') : null;
      if (!kind) problems.push('eventUnknown');
      else record.kind = kind;
      record.amountFen = amount;
      break;
    }
    case 'assets': {
      const a = cell(raw.assetKind);
      const kind = Object.prototype.hasOwnProperty.call(ASSET_WORDS, a) ? ASSET_WORDS[a] : null;
      if (!kind) problems.push('assetKindUnknown');
      else record.kind = kind;
      record.amountFen = yuan(cell(raw.amount), problems);
      break;
    }
    case 'hotline12345':
      record.kind = 'referral';
      record.text = cell(raw.content).slice(0, 200);
      if (!record.text) problems.push('contentMissing');
      break;
    case 'populationList': {
      if (!name) problems.push('nameMissing');
      const group = groupOf(cell(raw.group));
      if (!group) problems.push('groupUnknown');
      const region = cell(raw.regionCode);
      if (!isRegionCode(region)) problems.push('regionInvalid');
      const income = yuan(cell(raw.householdIncome), problems, 'incomeInvalid');
      const sizeRaw = cell(raw.householdSize);
      const size = sizeRaw ? Number(sizeRaw) : null;
      if (size !== null && !(Number.isInteger(size) && size >= 1 && size <= 30)) problems.push('sizeInvalid');
      if (group) list = { group, regionCode: region, householdNo: cell(raw.householdNo).slice(0, 40), householdIncomeFen: income, householdSize: size };
      break;
    }
  }
  if (problems.length) return { ok: false, problems: [...new Set(problems)] };
  return { ok: true, idNumber, name, record, list };
}
