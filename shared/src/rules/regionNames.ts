/**
 * Names of the regions the product serves today, by GB/T 2260 code (县级及以上 from the national
 * table; 乡镇（街道） and 村（社区） as the pilot regions number them). People read names, never codes:
 * every screen and document that mentions a region goes through `regionName`. A code the table
 * does not know is named by its nearest known parent, so nothing shows a bare number unless the
 * product knows nothing of the place at all.
 */
const NAMES: Record<string, string> = {
  // 山东省
  '370000': '山东省',
  '370200': '青岛市',
  '370214': '城阳区',
  '371400': '德州市',
  '371402': '德城区',
  '371402001': '新华街道',
  '371402001001': '新湖社区',
  '371402001002': '天衢社区',
  '371402002': '新湖街道',
  '371402002001': '湖滨社区',
  '371403': '陵城区',
  '371500': '聊城市',
  '371502': '东昌府区',
  '371502001': '古楼街道',
  // 湖南省
  '430000': '湖南省',
  '431300': '娄底市',
  '431302': '娄星区',
  // 黑龙江省
  '230000': '黑龙江省',
  '230200': '齐齐哈尔市',
  '230202': '龙沙区',
  // 北京市
  '110000': '北京市',
  '110101': '东城区',
  '110105': '朝阳区',
};

function own(code: string): string | undefined {
  // hasOwnProperty.call: a code may come from a query string ("constructor"), and older WeChat runtimes lack Object.hasOwn.
  return Object.prototype.hasOwnProperty.call(NAMES, code) ? NAMES[code] : undefined;
}

/** The codes of a region and the levels above it, from the top: 371402001 → 370000, 371400, 371402, 371402001. */
export function regionLineage(code: string): string[] {
  const out: string[] = [];
  const add = (c: string) => { if (!out.includes(c)) out.push(c); };
  if (code.length >= 6) {
    add(`${code.slice(0, 2)}0000`);
    add(`${code.slice(0, 4)}00`);
    add(code.slice(0, 6));
  }
  if (code.length >= 9) add(code.slice(0, 9));
  if (code.length >= 12) add(code.slice(0, 12));
  return out;
}

/** The name of this level alone ("新华街道"); undefined when the table does not know it. */
export function regionOwnName(code: string): string | undefined {
  return own(code);
}

/**
 * The name a person reads: from the city down ("德州市德城区新华街道"); a province alone is its own
 * name. Unknown lower levels are left out ("德州市德城区" for an unknown street of 德城区); a code of
 * which nothing is known is shown as it is.
 */
export function regionName(code: string): string {
  const lineage = regionLineage(code);
  if (!lineage.length) return code;
  const names = lineage
    // The province is said only when the region is the province itself (德州市 is well known as 山东).
    .filter((c, i) => i > 0 || lineage.length === 1 || c === code)
    .map(own)
    .filter((n): n is string => !!n);
  return names.length ? names.join('') : code;
}

/** The last two known levels ("德城区新华街道"), for tight places such as a list row. */
export function regionShortName(code: string): string {
  const names = regionLineage(code).map(own).filter((n): n is string => !!n);
  return names.length ? names.slice(-2).join('') : code;
}

/**
 * The office that issues a person's documents (the 民政局 of their county: 德州市德城区民政局 for
 * anyone in 371402…); "当地民政部门" when the county is not known.
 */
export function issuingOffice(code: string): string {
  const county = code.slice(0, 6);
  const own = regionOwnName(county);
  return own && /^\d{6}$/.test(county) ? `${regionName(county)}民政局` : '当地民政部门';
}
