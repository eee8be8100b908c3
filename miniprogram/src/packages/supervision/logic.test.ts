import { countdownText, groupedCode, secondsLeft } from './logic';
import { emptyRelative, relativeBody, relativeProblem } from './relativeForm';

describe('card helpers', () => {
  it('counts down to the expiry and says when it has passed', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    expect(secondsLeft('2026-11-30T10:05:00Z', now)).toBe(300);
    expect(countdownText(300)).toBe('5分0秒后失效');
    expect(countdownText(42)).toBe('42秒后失效');
    expect(countdownText(secondsLeft('2026-11-30T09:59:00Z', now))).toBe('已过期，请刷新');
  });
  it('shows the code in groups of four', () => {
    expect(groupedCode('payload.ABCDEFGHIJKLMNOPQRSTUV')).toBe('ABCD EFGH IJKL MNOP');
  });
});

describe('近亲属备案 form', () => {
  it('says what is missing first, and sends the normalised body', () => {
    const d = { ...emptyRelative('371402001'), name: '刘桂芝', idNumber: '11010519491231002x', relation: '姐妹', staffName: '刘建军', post: '居委会主任' };
    expect(relativeProblem({ ...d, name: ' ' })).toBe('请填写近亲属姓名');
    expect(relativeProblem({ ...d, idNumber: '110105194912310021' })).toMatch(/校验/);
    expect(relativeProblem(d)).toBeNull();
    expect(relativeBody(d)).toEqual({ name: '刘桂芝', idNumber: '11010519491231002X', relation: '姐妹', relatedTo: { name: '刘建军', role: 'villageCadre', post: '居委会主任' }, regionCode: '371402001' });
  });
});
