/**
 * The departments whose files are compared with the watch list (数据比对, `departmentData`), the
 * columns each file has, and how a header is matched to a field. Per source: the fields, which are
 * required, and the header names tried when a region has saved no mapping of its own.
 */
export const MONITORING_SOURCES = ['medical', 'disability', 'humanResources', 'publicSecurity', 'education', 'assets', 'hotline12345', 'populationList'] as const;
export type MonitoringSource = (typeof MONITORING_SOURCES)[number];

export const MONITORING_FIELDS = [
  'idNumber', 'name', 'date', 'amount', 'total', 'grade', 'event', 'assetKind', 'content', 'reference',
  'group', 'regionCode', 'householdNo', 'householdIncome', 'householdSize',
] as const;
export type MonitoringField = (typeof MONITORING_FIELDS)[number];

export const MONITORING_FIELD_LABELS: Record<MonitoringField, string> = {
  idNumber: '身份证号', name: '姓名', date: '日期', amount: '金额（元）', total: '总金额（元）', grade: '等级', event: '事项',
  assetKind: '资产类别', content: '内容', reference: '业务流水号', group: '监测类别', regionCode: '行政区划代码',
  householdNo: '户编号', householdIncome: '家庭月收入（元）', householdSize: '家庭人口',
};

export interface SourceSpec {
  name: string;
  /** Fields the file must have (a file without one is refused at upload, 400). */
  required: readonly MonitoringField[];
  optional: readonly MonitoringField[];
  /** What `date` means for this source, and `amount` when it has one. */
  dateLabel: string;
  amountLabel?: string;
}

export const SOURCE_SPECS: Record<MonitoringSource, SourceSpec> = {
  medical: { name: '医疗保障局（医保结算）', required: ['idNumber', 'date', 'amount'], optional: ['name', 'total', 'reference'], dateLabel: '结算日期', amountLabel: '个人自付（元）' },
  disability: { name: '残联（残疾人证）', required: ['idNumber', 'date', 'grade'], optional: ['name', 'reference'], dateLabel: '发证日期' },
  humanResources: { name: '人社局（失业、养老金）', required: ['idNumber', 'date', 'event'], optional: ['name', 'amount', 'reference'], dateLabel: '登记日期', amountLabel: '月金额（元）' },
  publicSecurity: { name: '公安局（死亡、户籍变动）', required: ['idNumber', 'date', 'event'], optional: ['name', 'reference'], dateLabel: '登记日期' },
  education: { name: '教育局（在读、学杂费）', required: ['idNumber', 'date'], optional: ['name', 'amount', 'event', 'reference'], dateLabel: '学期开始日期', amountLabel: '学杂费（元）' },
  assets: { name: '资产信息（车辆、企业、房产）', required: ['idNumber', 'date', 'assetKind'], optional: ['name', 'amount', 'reference'], dateLabel: '登记日期', amountLabel: '价值（元）' },
  hotline12345: { name: '12345 热线转办', required: ['idNumber', 'date', 'content'], optional: ['name', 'reference'], dateLabel: '来电日期' },
  populationList: { name: '监测名单（防返贫、低收入人口）', required: ['idNumber', 'name', 'group', 'regionCode'], optional: ['householdNo', 'householdIncome', 'householdSize', 'date'], dateLabel: '纳入日期' },
};

export const MONITORING_SOURCE_LABELS: Record<MonitoringSource, string> = Object.fromEntries(MONITORING_SOURCES.map((s) => [s, SOURCE_SPECS[s].name])) as Record<MonitoringSource, string>;

export function isMonitoringSource(code: string): code is MonitoringSource {
  return (MONITORING_SOURCES as readonly string[]).includes(code);
}

/** Header names tried for each field (after the region's own mapping). */
export const MONITORING_COLUMN_DEFAULTS: Record<MonitoringField, readonly string[]> = {
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', 'idNumber'],
  name: ['姓名', 'name'],
  date: ['日期', '结算日期', '发证日期', '登记日期', '死亡日期', '入学日期', '学期开始日期', '来电日期', '纳入日期', 'date'],
  amount: ['个人自付', '个人自付金额', '自付金额', '金额', '学杂费', '月金额', '价值', 'amount'],
  total: ['医疗总费用', '总费用', 'total'],
  grade: ['残疾等级', '等级', 'grade'],
  event: ['事项', '业务类型', '变动类型', 'event'],
  assetKind: ['资产类别', '类别', 'assetKind'],
  content: ['诉求内容', '内容', '来电内容', 'content'],
  reference: ['业务流水号', '流水号', '业务编号', '工单号', 'reference'],
  group: ['监测类别', '类别', '人员类别', 'group'],
  regionCode: ['行政区划代码', '区划代码', 'regionCode'],
  householdNo: ['户编号', '家庭编号', 'householdNo'],
  householdIncome: ['家庭月收入', '家庭月收入（元）', 'householdIncome'],
  householdSize: ['家庭人口', '家庭人口数', 'householdSize'],
};

/**
 * Which column holds each field of `source`: the region's saved header first, then the defaults.
 * `missing` lists the required fields no column answers (the upload is refused with them named).
 */
export function resolveMonitoringColumns(
  source: MonitoringSource,
  headers: readonly string[],
  mapping: Partial<Record<MonitoringField, string>>,
): { columns: Partial<Record<MonitoringField, number>>; missing: MonitoringField[] } {
  const spec = SOURCE_SPECS[source];
  const clean = headers.map((h) => String(h ?? '').replace(/^\uFEFF/, '').trim());
  const columns: Partial<Record<MonitoringField, number>> = {};
  const taken = new Set<number>();
  for (const field of [...spec.required, ...spec.optional]) {
    const names = [mapping[field], ...MONITORING_COLUMN_DEFAULTS[field]].filter((n): n is string => typeof n === 'string' && !!n);
    // A header serves one field only (类别 is a group in one file and an asset kind in another).
    const idx = names.map((n) => clean.indexOf(n.trim())).find((i) => i >= 0 && !taken.has(i));
    if (idx !== undefined) { columns[field] = idx; taken.add(idx); }
  }
  return { columns, missing: spec.required.filter((f) => columns[f] === undefined) };
}
