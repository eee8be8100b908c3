import { checkCharFor } from '../rules/idNumber';
import { findApplicationProblems } from './formRules';
import { APPLICATION_PROGRAMMES, PROGRAMME_DEFINITIONS } from './programmes';
import type { ApplicationForm } from '../schemas/application';

const spouseId = '37140219650101002' + checkCharFor('37140219650101002');

describe('programme definitions', () => {
  it.each(APPLICATION_PROGRAMMES)('%s declares a form and a checklist', (p) => {
    const def = PROGRAMME_DEFINITIONS[p];
    expect(def.programme).toBe(p);
    expect(def.steps[0]).toBe('members');
    expect(def.steps[def.steps.length - 1]).toBe('documents');
    expect(def.documents.some((d) => d.required)).toBe(true);
    expect(new Set(def.documents.map((d) => d.key)).size).toBe(def.documents.length);
  });
});

describe('what stands between a form and submission', () => {
  const complete: ApplicationForm = {
    hukou: 'urban',
    members: [{ key: 'a', name: '王秀英', relation: 'self', age: 62 }, { key: 'b', name: '李建国', relation: 'spouse', idNumber: spouseId }],
    reason: '老伴生病，家庭没有收入来源',
  };
  const docs = [{ item: 'idCard', fileId: 'f1' }, { item: 'householdRegister', fileId: 'f2' }];

  it('a complete dibao form has no problems', () => {
    expect(findApplicationProblems('dibao', complete, docs)).toEqual([]);
  });
  it('lists everything missing at once', () => {
    const problems = findApplicationProblems('dibao', {}, []);
    expect(problems.map((p) => p.path)).toEqual(['/form/hukou', '/form/members', '/form/reason', '/documents/idCard', '/documents/householdRegister']);
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  });
  it('checks members: one self, valid ID numbers for the others (a saved masked one counts)', () => {
    const bad = { ...complete, members: [complete.members![0], { key: 'b', name: '李建国', relation: 'spouse' as const, idNumber: '371402196501010020' }] };
    expect(findApplicationProblems('dibao', bad, docs).map((p) => p.path)).toEqual(['/form/members/1/idNumber']);
    const saved = { ...complete, members: [complete.members![0], { key: 'b', name: '李建国', relation: 'spouse' as const, idNumberMasked: '3***************12' }] };
    expect(findApplicationProblems('dibao', saved, docs)).toEqual([]);
    const twoSelves = { ...complete, members: [complete.members![0], { ...complete.members![0], key: 'c' }] };
    expect(findApplicationProblems('dibao', twoSelves, docs)[0].path).toBe('/form/members');
  });
  it('programme-specific questions', () => {
    const one = (extra: object) => ({ members: [{ key: 'a', name: '张三', relation: 'self' as const, ...extra }], reason: '需要补贴维持生活' });
    const disabilityDocs = [{ item: 'idCard', fileId: 'f1' }, { item: 'disabilityCertificate', fileId: 'f3' }];
    expect(findApplicationProblems('disabilityCare', one({ disabilityGrade: 3 }), disabilityDocs)[0].message).toContain('一级、二级');
    expect(findApplicationProblems('disabilityCare', one({ disabilityGrade: 1 }), disabilityDocs)).toEqual([]);
    expect(findApplicationProblems('disabilityLiving', one({}), disabilityDocs)[0].path).toBe('/form/members/0/disabilityGrade');
    expect(findApplicationProblems('temporary', { ...complete }, [{ item: 'idCard', fileId: 'f' }]).map((p) => p.path)).toEqual(['/form/temporaryKind']);
    const orphanDocs = [{ item: 'idCard', fileId: 'a' }, { item: 'guardianId', fileId: 'b' }, { item: 'parentsDeathProof', fileId: 'c' }];
    expect(findApplicationProblems('orphan', one({ childStatus: 'childInHardship', age: 8 }), orphanDocs)[0].path).toBe('/form/members/0/childStatus');
    expect(findApplicationProblems('orphan', one({ childStatus: 'orphanCommunity', age: 8 }), orphanDocs)).toEqual([]);
    expect(findApplicationProblems('orphan', one({ childStatus: 'orphanCommunity', age: 19 }), orphanDocs)[0].path).toBe('/form/members/0/age');
    expect(findApplicationProblems('dibao', complete, [...docs, { item: 'nonsense', fileId: 'x' }]).map((p) => p.path)).toEqual(['/documents/nonsense']);
  });
});
