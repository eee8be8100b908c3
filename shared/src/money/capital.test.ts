import { amountInCapitals } from './capital';

describe('amountInCapitals (大写金额)', () => {
  it.each([
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角'],
    [55, '伍角伍分'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [1050, '壹拾元伍角'],
    [1900, '壹拾玖元整'],
    [10000, '壹佰元整'],
    [11000, '壹佰壹拾元整'],
    [100100, '壹仟零壹元整'],
    [140950, '壹仟肆佰零玖元伍角'], // the rules' own example ¥1409.50
    [600714, '陆仟零柒元壹角肆分'], // ¥6007.14
    [168032, '壹仟陆佰捌拾元叁角贰分'], // ¥1680.32
    [10700053, '壹拾万柒仟元伍角叁分'], // ¥107000.53
    [1640902, '壹万陆仟肆佰零玖元零贰分'], // ¥16409.02: 零 before the 分 when the 角 is zero
    [10000000, '壹拾万元整'],
    [10010000, '壹拾万零壹佰元整'],
    [100000100, '壹佰万零壹元整'],
    [1000000000, '壹仟万元整'], // the largest amount accepted anywhere (MAX_AMOUNT_FEN)
    [10001000000, '壹亿零壹万元整'],
    [10000000100, '壹亿零壹元整'],
    [123456789012, '壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分'],
  ])('%i fen → %s', (fen, words) => {
    expect(amountInCapitals(fen)).toBe(words);
  });

  it('refuses what is not whole, non-negative fen', () => {
    expect(() => amountInCapitals(-1)).toThrow(RangeError);
    expect(() => amountInCapitals(1.5)).toThrow(RangeError);
  });
});
