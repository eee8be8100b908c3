import { ageBand, ageOn, findPersonalData, publicWishView, redactPersonalData, type WishRecordForPublic } from './publicView';

const base: WishRecordForPublic = {
  id: 'w1',
  title: '一台助听器',
  category: 'health',
  story: '耳朵不好，想要一台助听器，方便和孙子说话。',
  budgetFen: 45000,
  status: 'open',
  beneficiaryName: '王小明',
  birthDate: '1950-03-01',
  regionCode: '371402001001',
  photoFileIds: ['f1'],
  donorName: null,
  publishedAt: new Date('2026-11-01T02:00:00Z'),
  fulfilledAt: null,
};

describe('publicWishView: the one public-view rule', () => {
  it('shows the delivery photos only once the delivery is confirmed', () => {
    const delivered = { ...base, deliveryPhotoFileIds: ['d1'] };
    for (const status of ['claimed', 'delivered'] as const) expect(publicWishView({ ...delivered, status }, '2026-11-10').deliveryPhotoFileIds).toEqual([]);
    expect(publicWishView({ ...delivered, status: 'fulfilled' }, '2026-11-10').deliveryPhotoFileIds).toEqual(['d1']);
  });

  it('shows a masked name, an age band, community and district, category, story, budget and status', () => {
    const v = publicWishView(base, '2026-11-10');
    expect(v).toEqual({
      id: 'w1',
      title: '一台助听器',
      category: 'health',
      story: '耳朵不好，想要一台助听器，方便和孙子说话。',
      budgetFen: 45000,
      status: 'open',
      maskedName: '王**',
      ageBand: '70多岁',
      community: '新华街道新湖社区',
      district: '德州市德城区',
      regionCode: '371402',
      photoFileIds: ['f1'],
      deliveryPhotoFileIds: [],
      donorName: null,
      publishedAt: '2026-11-01T02:00:00.000Z',
      fulfilledAt: null,
    });
  });

  it('never carries the full name, birth date or full region code', () => {
    const text = JSON.stringify(publicWishView(base, '2026-11-10'));
    expect(text).not.toContain('王小明');
    expect(text).not.toContain('小明');
    expect(text).not.toContain('1950');
    expect(text).not.toContain('371402001001');
  });

  it('shows no name at all for a child', () => {
    const child = publicWishView({ ...base, beneficiaryName: '李想', birthDate: '2015-06-01', category: 'study' }, '2026-11-10');
    expect(child.maskedName).toBeNull();
    expect(child.ageBand).toBe('小学年龄段儿童');
    expect(JSON.stringify(child)).not.toContain('李');
  });

  it('counts a person as a child until the day they turn 18', () => {
    expect(publicWishView({ ...base, birthDate: '2008-11-11' }, '2026-11-10').maskedName).toBeNull();
    expect(publicWishView({ ...base, birthDate: '2008-11-10' }, '2026-11-10').maskedName).toBe('王**');
  });

  it('hides phone numbers, ID numbers and house numbers typed into the story', () => {
    const v = publicWishView({ ...base, story: '请打13912345678联系，身份证371402195003010012，住3号楼2单元501室', title: '电话0534-2345678' }, '2026-11-10');
    expect(v.story).not.toMatch(/13912345678|371402195003010012|3号楼|2单元|501室/);
    expect(v.title).not.toContain('2345678');
    expect(v.story).toContain('***');
  });
});

describe('age and personal data helpers', () => {
  it('computes whole years', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });
  it('bands ages', () => {
    expect(ageBand(3)).toBe('学龄前儿童');
    expect(ageBand(15)).toBe('青少年');
    expect(ageBand(30)).toBe('青年');
    expect(ageBand(85)).toBe('80岁以上');
  });
  it('finds personal data', () => {
    expect(findPersonalData('我的电话 139 1234 5678')).toBe(true);
    expect(findPersonalData('我的电话 139-1234-5678')).toBe(true);
    expect(findPersonalData('想要一个书包')).toBe(false);
    expect(redactPersonalData('想要一个书包')).toBe('想要一个书包');
  });
});
