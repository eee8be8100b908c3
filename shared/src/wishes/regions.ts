/**
 * Region names for the public view of a wish (community and district). The product knows the
 * pilot regions by name; elsewhere a district shows as its code's city and a community as
 * "本地社区" rather than guessing.
 */
export const REGION_NAMES: Record<string, string> = {
  '371400': '德州市',
  '371402': '德城区',
  '371402001': '新华街道',
  '371402001001': '新华街道新湖社区',
  '371402001002': '新华街道天衢社区',
  '371402002': '新湖街道',
  '371403': '陵城区',
  '371500': '聊城市',
  '371502': '东昌府区',
  '371502001': '古楼街道',
  '431300': '娄底市',
  '431302': '娄星区',
  '230200': '齐齐哈尔市',
  '230202': '龙沙区',
  '370214': '城阳区',
};

/**
 * The name of a known region; undefined otherwise. Own keys only: a code comes from a query string.
 * (hasOwnProperty.call rather than Object.hasOwn: older WeChat runtimes lack the latter.)
 */
export function regionNameOf(regionCode: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(REGION_NAMES, regionCode) ? REGION_NAMES[regionCode] : undefined;
}

/** The county-level code (6 digits) of any region code. */
export function districtCodeOf(regionCode: string): string {
  return regionCode.slice(0, 6);
}

/** "德州市德城区" for 371402…; the city alone when the district is unknown. */
export function districtNameOf(regionCode: string): string {
  const county = districtCodeOf(regionCode);
  const city = regionNameOf(`${county.slice(0, 4)}00`) ?? '';
  const district = county.endsWith('00') ? '' : regionNameOf(county) ?? '';
  return city + district || '本地';
}

/** The community (12-digit) or street (9-digit) name; "本地社区" when not known or not given. */
export function communityNameOf(regionCode: string): string {
  if (regionCode.length === 12) return regionNameOf(regionCode) ?? regionNameOf(regionCode.slice(0, 9)) ?? '本地社区';
  if (regionCode.length === 9) return regionNameOf(regionCode) ?? '本地社区';
  return '本地社区';
}
