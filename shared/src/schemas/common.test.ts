import { CALENDAR_DATE_PATTERN, ID_NUMBER_PATTERN } from './common';
import { isCalendarDate } from '../rules/date';
import { checkCharFor, findIdNumberProblem } from '../rules/idNumber';

// The OpenAPI document states these rules as patterns (so a contract tester's "valid" requests are
// valid); each pattern must accept exactly what the server's own check accepts.
const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('CALENDAR_DATE_PATTERN', () => {
  const re = new RegExp(CALENDAR_DATE_PATTERN);

  it('accepts exactly the days isCalendarDate accepts (every year 0000–9999, months 00–13, days 00–32)', () => {
    const mismatches: string[] = [];
    for (let y = 0; y <= 9999; y += y < 1800 || y > 2200 ? 7 : 1) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          if (re.test(text) !== isCalendarDate(text)) mismatches.push(text);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each(['2024-02-29', '2000-02-29', '2021-12-31'])('accepts %s', (text) => expect(re.test(text)).toBe(true));
  it.each(['2023-02-29', '1900-02-29', '2021-02-30', '2021-04-31', '2021-1-01', ' 2021-01-01'])('refuses %s', (text) => expect(re.test(text)).toBe(false));
});

describe('ID_NUMBER_PATTERN', () => {
  const re = new RegExp(ID_NUMBER_PATTERN);
  const withCheck = (first17: string) => first17 + checkCharFor(first17);

  it('accepts a number whenever its only problem can be the check character (birth dates 1850–2150)', () => {
    const mismatches: string[] = [];
    for (let y = 1850; y <= 2150; y++) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const id = withCheck(`110105${y}${pad(m, 2)}${pad(d, 2)}002`);
          // Today's date is not given: "not in the future" is left to the `gb11643` format.
          const realBirthDate = findIdNumberProblem(id) === null;
          const inPatternYears = y >= 1900 && y <= 2099;
          if (re.test(id) !== (realBirthDate && inPatternYears)) mismatches.push(id);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('states the form: first digit 1–9, 17 digits, then a digit or X', () => {
    expect(re.test('11010519491231002X')).toBe(true);
    expect(re.test('11010519491231002x')).toBe(true);
    expect(re.test('01010519491231002X')).toBe(false);
    expect(re.test('11010519491231A02X')).toBe(false);
    expect(re.test('11010519491231002')).toBe(false);
  });

  it('leaves the check character to the format (the server answers INVALID_ID_NUMBER)', () => {
    expect(re.test('110105194912310021')).toBe(true);
    expect(findIdNumberProblem('110105194912310021')).toBe('checkDigit');
  });
});
