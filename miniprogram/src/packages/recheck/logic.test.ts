import { reportProblem, yuanToFen } from './logic';

describe('the 动态管理 screens\' rules', () => {
  it('asks for what changed and a few words before a change report is sent', () => {
    expect(reportProblem(undefined, '收入增加')).toBe('请选择发生了什么变化');
    expect(reportProblem('income', '  ')).toBe('请简单说明变化的情况');
    expect(reportProblem('income', '儿子上班了')).toBeNull();
  });
  it('reads a yuan amount with at most two decimals as fen', () => {
    expect(yuanToFen('400')).toBe(40000);
    expect(yuanToFen('400.5')).toBe(40050);
    expect(yuanToFen('400.555')).toBeNull();
    expect(yuanToFen('0')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });
});
