import type { RegionPolicy } from '@dajiuzhu/shared';

/**
 * 德州市 standards. Every figure is quoted from the article named in `source`
 * (shared/domain/articles/); amounts are integer fen as published (yuan × 100).
 * Past periods never change: a new standard is a new period appended below.
 */
const SOURCE = 'dezhou-2021-big-assistance.txt';

export const dezhou: RegionPolicy = {
  regionCode: '371400',
  regionName: '德州市',
  periods: [
    {
      // "自2021年1月起，全面提高困难群众救助保障水平"
      effectiveFrom: '2021-01-01',
      rates: {
        dibao: {
          urban: { fen: 75500, per: 'month', source: SOURCE, note: '城市低保对象，标准每人每月755元' },
          rural: { fen: 56500, per: 'month', source: SOURCE, note: '农村低保对象，标准每人每月565元' },
        },
        tekun: {
          urban: { fen: 113000, per: 'month', source: SOURCE, note: '城市特困人员基本生活标准每人每月1130元' },
          rural: { fen: 81500, per: 'month', source: SOURCE, note: '农村特困人员基本生活标准每人每月815元' },
        },
        disabilityLiving: {
          grade1to2: { fen: 16000, per: 'month', source: SOURCE, note: '困难残疾人生活补贴一、二级每人每月160元' },
          grade3to4: { fen: 13000, per: 'month', source: SOURCE, note: '三、四级每人每月130元' },
        },
        disabilityCare: {
          grade1: { fen: 14000, per: 'month', source: SOURCE, note: '重度残疾人护理补贴一级每人每月140元' },
          grade2: { fen: 12000, per: 'month', source: SOURCE, note: '二级每人每月120元' },
        },
        orphan: {
          institutional: { fen: 194000, per: 'month', source: SOURCE, note: '机构养育孤儿基本生活费标准每人每月1940元' },
          community: { fen: 154000, per: 'month', source: SOURCE, note: '社会散居孤儿基本生活费标准每人每月1540元' },
        },
        childInHardship: { fen: 108000, per: 'month', source: SOURCE, note: '重点困境儿童基本生活费标准每人每月1080元' },
        unsupportedChild: { fen: 154000, per: 'month', source: SOURCE, note: '事实无人抚养儿童、受艾滋病影响儿童参照社会散居孤儿保障标准执行（1540元）' },
        unsupportedChildSchoolGrant: { fen: 1000000, per: 'schoolYear', source: SOURCE, note: '事实无人抚养儿童助学工程试点，每人每学年1万元助学金' },
        heating: {
          urban: { fen: 60000, per: 'winter', atLeast: true, source: SOURCE, note: '城市低保对象、城市分散供养特困人员按每户不低于600元的标准发放，冬季一次性' },
          rural: { fen: 30000, per: 'winter', atLeast: true, source: SOURCE, note: '农村低保对象、农村分散供养特困人员按每户不低于300元的标准发放，冬季一次性' },
        },
      },
      employmentDeduction: { value: 0, source: SOURCE, note: '文章未公布就业成本扣除比例，按 0 计' },
      dibaoEdgeMultiple: { value: 1.5, note: '文章未公布低保边缘倍数，采用通行的 1.5 倍' },
    },
  ],
};
