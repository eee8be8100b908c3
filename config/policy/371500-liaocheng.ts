import type { RegionPolicy } from '@dajiuzhu/shared';

/**
 * 聊城市 standards, quoted from the article named in `source` (shared/domain/articles/);
 * integer fen as published. The article publishes no childInHardship, unsupportedChild or
 * heating figure: those are absent, and the estimate says it cannot estimate them here.
 * Past periods never change: a new standard is a new period appended below.
 */
const SOURCE = 'liaocheng-2024-standards.txt';

export const liaocheng: RegionPolicy = {
  regionCode: '371500',
  regionName: '聊城市',
  periods: [
    {
      // "自今年1月1日起提高部分困难群众救助保障标准" (2024)
      effectiveFrom: '2024-01-01',
      rates: {
        dibao: {
          urban: { fen: 93100, per: 'month', source: SOURCE, note: '城市居民最低生活保障标准提高到每人每月931元' },
          rural: { fen: 75300, per: 'month', source: SOURCE, note: '农村居民最低生活保障标准提高到每人每月753元' },
        },
        tekun: {
          urban: { fen: 124200, per: 'month', source: SOURCE, note: '城市特困人员基本生活补助标准为每人每月1242元' },
          rural: { fen: 97900, per: 'month', source: SOURCE, note: '农村特困人员基本生活补助标准提高到每人每月979元' },
        },
        disabilityLiving: {
          grade1to2: { fen: 18700, per: 'month', source: SOURCE, note: '困难残疾人生活补贴一、二级提高到每人每月187元' },
          grade3to4: { fen: 14000, per: 'month', source: SOURCE, note: '三、四级提高到每人每月140元' },
        },
        disabilityCare: {
          grade1: { fen: 16800, per: 'month', source: SOURCE, note: '残疾人护理补贴一级提高到每人每月168元' },
          grade2: { fen: 14000, per: 'month', source: SOURCE, note: '二级残疾提高到每人每月140元' },
        },
        orphan: {
          institutional: { fen: 232800, per: 'month', source: SOURCE, note: '机构养育孤儿基本生活费标准提高到每人每月2328元' },
          community: { fen: 186200, per: 'month', source: SOURCE, note: '社会散居孤儿标准提高到每人每月1862元' },
        },
      },
      employmentDeduction: { value: 0, source: SOURCE, note: '文章提到对有就业能力的低保家庭成员给予就业鼓励，但未公布扣除比例，按 0 计' },
      dibaoEdgeMultiple: { value: 1.5, note: '文章未公布低保边缘倍数，采用通行的 1.5 倍' },
    },
  ],
};
