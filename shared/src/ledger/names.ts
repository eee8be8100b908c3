/**
 * Does the name on an imported row agree with the person the row's ID number matched? A row booked
 * to the wrong person is worse than a row not booked, so an import holds a disagreeing row for
 * staff to confirm (docs/ledger.md, "Held rows"). Pure, so the rule is tested on its own.
 */

/** Spaces of any width removed, the dots between parts of a name made one, letters upper-cased (full-width forms folded by NFKC). */
export function normalizePersonName(name: string): string {
  return name.normalize('NFKC').replace(/\s/g, '').replace(/[·•・.]/g, '·').toUpperCase();
}

/**
 * 'same', 'differs', or 'unknown' when the row gives no name (nothing to compare: booked on the ID
 * number alone, as before). A department may send a masked name ("王*", "王**"): it agrees when it
 * has the same length and every unmasked character is the person's.
 */
export function compareRowName(rowName: string | undefined, personName: string): 'same' | 'differs' | 'unknown' {
  const row = normalizePersonName(rowName ?? '');
  if (!row) return 'unknown';
  const person = normalizePersonName(personName);
  if (!person) return 'differs';
  if (row === person) return 'same';
  // NFKC has turned a full-width ＊ into *.
  if (!row.includes('*')) return 'differs';
  const a = [...row];
  const b = [...person];
  if (a.length !== b.length) return 'differs';
  return a.every((c, i) => c === '*' || c === b[i]) ? 'same' : 'differs';
}
