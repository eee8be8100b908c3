import { startStack, type Stack } from '../support/stack';
import { applicationsKit, idNumber } from '../support/applications';

let stack: Stack;
let kit: ReturnType<typeof applicationsKit>;
beforeAll(async () => { stack = await startStack(); kit = applicationsKit(stack); });
afterAll(() => stack.stop());

const start = (token: string, body: Record<string, unknown>) => kit.api.post('/api/v1/applications/drafts', body, token);
const openDrafts = async (token: string) => (await kit.api.get('/api/v1/applications/drafts', token)).body.drafts as { id: string; programme: string; applicantName: string }[];

describe('one open draft per programme and applicant (issue 13: duplicate identical drafts)', () => {
  it('开始申请 tapped again continues the draft already started; another programme starts its own', async () => {
    const me = await kit.resident('d-twice');
    const first = await start(me.token, { programme: 'dibao' });
    const second = await start(me.token, { programme: 'dibao' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    const other = await start(me.token, { programme: 'temporary' });
    expect(other.body.id).not.toBe(first.body.id);
    expect((await openDrafts(me.token)).map((d) => d.programme).sort()).toEqual(['dibao', 'temporary']);
  });

  it('many starts at once leave one draft', async () => {
    const me = await kit.resident('d-burst');
    const answers = await Promise.all(Array.from({ length: 6 }, () => start(me.token, { programme: 'tekun' })));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect((await openDrafts(me.token)).filter((d) => d.programme === 'tekun')).toHaveLength(1);
  });

  it('a helper gets one draft per person they file for; a deleted draft frees the place', async () => {
    const helper = await kit.resident('d-helper');
    const forA = { programme: 'dibao', onBehalfOf: { name: '张大爷', idNumber: idNumber('37140219450101001'), regionCode: '371402001', relation: '社区工作人员' } };
    const forB = { programme: 'dibao', onBehalfOf: { name: '李奶奶', idNumber: idNumber('37140219480202002'), regionCode: '371402001', relation: '社区工作人员' } };
    const a1 = await start(helper.token, forA);
    const a2 = await start(helper.token, forA);
    const b = await start(helper.token, forB);
    expect(a2.body.id).toBe(a1.body.id);
    expect(b.body.id).not.toBe(a1.body.id);

    expect((await kit.api.raw('DELETE', `/api/v1/applications/drafts/${a1.body.id}`, '', {}, helper.token)).status).toBeLessThan(300);
    const again = await start(helper.token, forA);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(a1.body.id);
  });
});
