import { compareRowName, normalizePersonName } from './names';

describe('does a row\'s name agree with the matched person', () => {
  it('agrees with the same name, whatever the spacing, width or dot', () => {
    expect(compareRowName('张伟', '张伟')).toBe('same');
    expect(compareRowName(' 张 伟\u3000', '张伟')).toBe('same');
    expect(compareRowName('阿卜杜.热合曼', '阿卜杜·热合曼')).toBe('same');
    expect(compareRowName('ｚｈａｎｇ wei', 'ZHANGWEI')).toBe('same');
    expect(normalizePersonName('买买提・艾力')).toBe('买买提·艾力');
  });

  it('differs when it is someone else (赵某某 is not 张伟)', () => {
    expect(compareRowName('赵某某', '张伟')).toBe('differs');
    expect(compareRowName('张伟伟', '张伟')).toBe('differs');
    expect(compareRowName('张伟', '')).toBe('differs');
  });

  it('a masked name agrees only when its length and visible characters do', () => {
    expect(compareRowName('张*', '张伟')).toBe('same');
    expect(compareRowName('张＊', '张伟')).toBe('same');
    expect(compareRowName('*伟', '张伟')).toBe('same');
    expect(compareRowName('赵*', '张伟')).toBe('differs');
    expect(compareRowName('张**', '张伟')).toBe('differs');
  });

  it('a row without a name has nothing to compare', () => {
    expect(compareRowName(undefined, '张伟')).toBe('unknown');
    expect(compareRowName('  ', '张伟')).toBe('unknown');
  });
});
