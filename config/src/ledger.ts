import { Type, type Static } from '@sinclair/typebox';
import { isLedgerProgramme } from '@dajiuzhu/shared';
import { ConfigError } from './configError';

/**
 * Settings of the benefits ledger (imports, publishing, payment runs). Defaults below; a few can
 * be set from the environment (LEDGER_*). Validated when the ledger plugin starts: a bad value
 * stops start-up with a message naming the key.
 */
const Source = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    /** Programme of a row whose programme cell is empty. */
    defaultProgramme: Type.String({ minLength: 1 }),
    /** Programmes this department may send. */
    programmes: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    amountUnit: Type.Union([Type.Literal('yuan'), Type.Literal('fen')]),
  },
  { additionalProperties: false },
);

export const LedgerConfigSchema = Type.Object(
  {
    /** Largest import file accepted (bytes). 1,000,000 rows of CSV ≈ 60 MB. */
    maxImportBytes: Type.Integer({ minimum: 1024, maximum: 2 * 1024 * 1024 * 1024 }),
    /** Rows validated and inserted together; also the checkpoint interval of an import. */
    importBatchRows: Type.Integer({ minimum: 1, maximum: 20_000 }),
    /** Above this file size an import loads the region's beneficiaries once instead of looking each up. */
    preloadMatcherAboveBytes: Type.Integer({ minimum: 0 }),
    /** Statements written together while publishing. */
    publishBatch: Type.Integer({ minimum: 1, maximum: 10_000 }),
    /** A running job whose heartbeat is older than this is taken as interrupted (process killed). */
    staleJobMs: Type.Integer({ minimum: 1000 }),
    /** Known sources (departments) for imports, by code. */
    sources: Type.Record(Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]{1,31}$' }), Source),
    /** Header names tried for each field when a source has no saved mapping. */
    columnDefaults: Type.Record(Type.String(), Type.Array(Type.String({ minLength: 1 }))),
    /** WeChat subscribe-message template for "your 幸福清单 is published"; empty: in-app notices only. */
    subscribeTemplateId: Type.String(),
    /** Department wording for programmes (e.g. "医疗救助" → medical). */
    programmeAliases: Type.Record(Type.String(), Type.String()),
  },
  { additionalProperties: false },
);
export type LedgerConfig = Static<typeof LedgerConfigSchema>;

export const LEDGER_DEFAULTS: LedgerConfig = {
  maxImportBytes: 200 * 1024 * 1024,
  importBatchRows: 1000,
  preloadMatcherAboveBytes: 256 * 1024,
  publishBatch: 1000,
  staleJobMs: 60_000,
  sources: {
    medical: { name: '医疗保障局（医疗救助）', defaultProgramme: 'medical', programmes: ['medical'], amountUnit: 'yuan' },
    education: { name: '教育局（教育救助）', defaultProgramme: 'education', programmes: ['education'], amountUnit: 'yuan' },
    housing: { name: '住建局（住房救助）', defaultProgramme: 'housing', programmes: ['housing'], amountUnit: 'yuan' },
    employment: { name: '人社局（就业救助）', defaultProgramme: 'employment', programmes: ['employment'], amountUnit: 'yuan' },
    temporary: { name: '民政（临时救助）', defaultProgramme: 'temporary', programmes: ['temporary'], amountUnit: 'yuan' },
    heating: { name: '民政（取暖补贴）', defaultProgramme: 'heating', programmes: ['heating'], amountUnit: 'yuan' },
    charity: { name: '慈善总会（慈善救助）', defaultProgramme: 'charity', programmes: ['charity', 'wish', 'service'], amountUnit: 'yuan' },
    disaster: { name: '应急管理局（受灾人员救助）', defaultProgramme: 'disaster', programmes: ['disaster', 'winterSpring'], amountUnit: 'yuan' },
    civilAffairs: { name: '民政（其他救助项目）', defaultProgramme: 'dibao', programmes: ['dibao', 'tekun', 'dibaoEdge', 'expenditureHardship', 'disabilityLiving', 'disabilityCare', 'orphan', 'unsupportedChild', 'childInHardship'], amountUnit: 'yuan' },
  },
  subscribeTemplateId: '',
  columnDefaults: {
    idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', 'idNumber'],
    amount: ['金额', '发放金额', '救助金额', '金额（元）', '金额(元)', '金额（分）', 'amount'],
    period: ['发放月份', '所属月份', '所属期', '月份', 'period'],
    programme: ['救助项目', '项目', 'programme'],
    name: ['姓名', 'name'],
    reference: ['业务流水号', '流水号', '业务编号', 'reference'],
    paidOn: ['发放日期', '支付日期', 'paidOn'],
  },
  programmeAliases: {
    医疗救助: 'medical', 教育救助: 'education', 住房救助: 'housing', 就业救助: 'employment', 临时救助: 'temporary',
    取暖补贴: 'heating', 慈善救助: 'charity', 微心愿: 'wish', 关爱服务: 'service', 受灾人员救助: 'disaster', 冬春生活救助: 'winterSpring',
    低保: 'dibao', 最低生活保障: 'dibao', 特困: 'tekun', 特困供养: 'tekun',
  },
};

/** Environment variables of the ledger, each naming one key under `ledger` (read by fromEnvironment.ts). */
export const LEDGER_ENV_KEYS: Record<string, string> = {
  LEDGER_MAX_IMPORT_BYTES: 'ledger.maxImportBytes',
  LEDGER_IMPORT_BATCH_ROWS: 'ledger.importBatchRows',
  LEDGER_PRELOAD_MATCHER_ABOVE_BYTES: 'ledger.preloadMatcherAboveBytes',
  LEDGER_PUBLISH_BATCH: 'ledger.publishBatch',
  LEDGER_STALE_JOB_MS: 'ledger.staleJobMs',
  LEDGER_SUBSCRIBE_TEMPLATE_ID: 'ledger.subscribeTemplateId',
};

/** Rules the schema cannot state. */
export function checkLedgerConfig(config: LedgerConfig): void {
  for (const [code, s] of Object.entries(config.sources)) {
    if (!s.programmes.includes(s.defaultProgramme)) throw new ConfigError(`配置错误 ledger.sources.${code}.defaultProgramme: "${s.defaultProgramme}" is not one of its programmes`);
    const unknown = s.programmes.find((p) => !isLedgerProgramme(p));
    if (unknown) throw new ConfigError(`配置错误 ledger.sources.${code}.programmes: "${unknown}" is not a ledger programme`);
  }
}
