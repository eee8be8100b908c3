import { issuingOffice, regionLineage, regionName, regionShortName } from './regionNames';

describe('region names (GB/T 2260)', () => {
  it('names a region from the city down', () => {
    expect(regionName('371402001')).toBe('德州市德城区新华街道');
    expect(regionName('371402001001')).toBe('德州市德城区新华街道新湖社区');
    expect(regionName('371400')).toBe('德州市');
    expect(regionName('370000')).toBe('山东省');
  });

  it('leaves out levels it does not know, and shows a code only when it knows nothing', () => {
    expect(regionName('371402009')).toBe('德州市德城区');
    expect(regionName('520102')).toBe('520102');
    expect(regionName('constructor')).toBe('constructor');
  });

  it('gives the lineage and a short name', () => {
    expect(regionLineage('371402001001')).toEqual(['370000', '371400', '371402', '371402001', '371402001001']);
    expect(regionShortName('371402001')).toBe('德城区新华街道');
  });
});

describe('issuing office', () => {
  it('is the county 民政局 of the person', () => {
    expect(issuingOffice('371402001001')).toBe('德州市德城区民政局');
    expect(issuingOffice('371500')).toBe('聊城市民政局');
    expect(issuingOffice('520102001')).toBe('当地民政部门');
  });
});
