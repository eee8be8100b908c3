import { maskIdNumber, maskName, maskPhone } from './masking';

describe('masks', () => {
  it('keeps the first and last two characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1***************2X');
    expect(maskIdNumber('11010519491231002X')).toHaveLength(18);
  });
  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
  it('keeps only the family name', () => {
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('王明')).toBe('王*');
    expect(maskName('王')).toBe('王*');
  });
});
