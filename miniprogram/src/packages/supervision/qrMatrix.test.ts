import { qrMatrix } from './qrMatrix';

describe('qrMatrix', () => {
  it('is a square with the three finder patterns a scanner looks for', () => {
    const m = qrMatrix('dajiuzhu-card.eyJ2IjoxfQ.c2ln');
    const n = m.length;
    expect(n).toBeGreaterThanOrEqual(21);
    expect((n - 17) % 4).toBe(0); // QR versions: 21, 25, 29 … modules a side
    expect(m.every((row) => row.length === n)).toBe(true);
    // Each finder pattern is a dark 7 × 7 ring around a light ring and a dark 3 × 3 centre.
    for (const [r0, c0] of [[0, 0], [0, n - 7], [n - 7, 0]]) {
      expect(m[r0][c0 + 3]).toBe(true);
      expect(m[r0 + 1][c0 + 1]).toBe(false);
      expect(m[r0 + 3][c0 + 3]).toBe(true);
    }
  });

  it('a longer token needs a larger code; the same token gives the same code', () => {
    expect(qrMatrix('x'.repeat(200)).length).toBeGreaterThan(qrMatrix('x').length);
    expect(qrMatrix('same')).toEqual(qrMatrix('same'));
  });
});
