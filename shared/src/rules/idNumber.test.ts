import { checkCharFor, findIdNumberProblem, idNumberFacts, isValidIdNumber } from './idNumber';

describe('GB 11643 ID numbers', () => {
  it('accepts the standard example and derives birth date and sex', () => {
    expect(findIdNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'female', issuingRegion: '110105' });
    expect(idNumberFacts('110105194912310018').sex).toBe('male');
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(isValidIdNumber(' 11010519491231002x ')).toBe(true);
  });

  it('computes the check character, including X and 0', () => {
    expect(checkCharFor('11010519491231002')).toBe('X');
    expect(checkCharFor('37010219800101001')).toMatch(/^[0-9X]$/);
  });

  it('finds a wrong check digit', () => {
    expect(findIdNumberProblem('110105194912310021')).toBe('checkDigit');
  });

  it.each([
    ['too short', '11010519491231002'],
    ['letters', '1101051949123100AX'],
    ['leading zero', '01010519491231002X'],
  ])('refuses %s as format', (_w, id) => expect(findIdNumberProblem(id)).toBe('format'));

  it('refuses impossible and future birth dates', () => {
    const feb30 = '1101051949023000' + '2';
    expect(findIdNumberProblem(feb30 + checkCharFor(feb30))).toBe('birthDate');
    const future = '11010520990101001';
    expect(findIdNumberProblem(future + checkCharFor(future), '2026-11-23')).toBe('birthDate');
    const leap = '11010520000229001';
    expect(findIdNumberProblem(leap + checkCharFor(leap))).toBeNull();
    const notLeap = '11010519000229001';
    expect(findIdNumberProblem(notLeap + checkCharFor(notLeap))).toBe('birthDate');
  });
});
