import { startStack, type Stack } from '../support/stack';
import { expectEnvelope } from '../support/http';
import { applicationsKit, idNumber } from '../support/applications';
import { addMonths, shanghaiDate } from '@dajiuzhu/shared';

let stack: Stack;
let kit: ReturnType<typeof applicationsKit>;
beforeAll(async () => { stack = await startStack(); kit = applicationsKit(stack); });
afterAll(() => stack.stop());

const today = () => shanghaiDate();

describe('programmes', () => {
  it('lists every programme with its form, checklist and chain, without sign-in', async () => {
    const res = await kit.api.get('/api/v1/applications/programmes');
    expect(res.status).toBe(200);
    expect(res.body.programmes.map((p: { programme: string }) => p.programme)).toEqual(['dibao', 'tekun', 'temporary', 'disabilityLiving', 'disabilityCare', 'orphan', 'childInHardship', 'unsupportedChild', 'expenditureHardship']);
    const dibao = res.body.programmes[0];
    expect(dibao.documents.filter((d: { required: boolean }) => d.required).map((d: { key: string }) => d.key)).toEqual(['idCard', 'householdRegister']);
    expect(dibao.chain).toEqual(['accept', 'homeVisit', 'review', 'publicNotice', 'approve']);
    expect(res.body.programmes.find((p: { programme: string }) => p.programme === 'orphan').chain).not.toContain('publicNotice');
    expect(res.body.checkAuthorization).toEqual({ version: '2026-01', title: '家庭经济状况核对授权书', text: expect.stringContaining('授权') });
  });
});

describe('the whole dibao path', () => {
  it('draft → resume on another device → consent → submit → accept → visit → review → notice → approve → entitlement', async () => {
    const { api } = kit;
    const me = await kit.resident('a-dibao', { name: '王秀英' });
    const draft = await kit.readyDraft(me.token);
    expect(draft.problems).toEqual([]);

    // Another device: a new session of the same account finds the draft, ID numbers masked.
    const other = await api.signIn('a-dibao');
    const drafts = await api.get('/api/v1/applications/drafts', other.accessToken);
    const resumed = drafts.body.drafts.find((d: { id: string }) => d.id === draft.id);
    expect(resumed.currentStep).toBe(4);
    expect(resumed.form.members[1].idNumberMasked).toMatch(/^3\*+\w\w$/);
    expect(JSON.stringify(drafts.body)).not.toContain(idNumber('37140219600305001'));
    // Saving back what was shown (mask only) keeps the stored number.
    const again = await api.put(`/api/v1/applications/drafts/${draft.id}`, { form: resumed.form, documents: resumed.documents }, other.accessToken);
    expect(again.status).toBe(200);
    expect(again.body.problems).toEqual([]);
    // At rest the form is ciphertext.
    const raw = await stack.app.db.collection('application_drafts').findOne({ _id: draft.id as never });
    expect(JSON.stringify(raw)).not.toContain('37140219600305');
    expect(JSON.stringify(raw)).not.toContain('老伴患病');

    const key = kit.key();
    const sub = await api.post('/api/v1/applications', { draftId: draft.id, idempotencyKey: key }, other.accessToken);
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ status: 'submitted', sequence: 1, householdSize: 2, applicantName: '王秀英', allowedActions: ['withdraw'], consent: { textVersion: '2026-01' } });
    expect(sub.body.nextStep).toMatchObject({ step: 'accept' });
    const id = sub.body.id;

    const township = await kit.staff('a-township', '371402001', 'township');
    const county = await kit.staff('a-county', '371402', 'county');
    const queue = await api.get('/api/v1/staff/applications?status=submitted&programme=dibao', township);
    expect(queue.body.applications.map((a: { id: string }) => a.id)).toContain(id);
    expect(queue.body.applications.find((a: { id: string }) => a.id === id).applicantNameMasked).toBe('王**');

    const detail = await api.get(`/api/v1/staff/applications/${id}`, township);
    expect(detail.status).toBe(200);
    expect(detail.body.allowedActions).toEqual(['accept', 'requestSupplement']);
    expect(detail.body.form.members[1].idNumberMasked).toMatch(/\*/);

    const accepted = await kit.act(township, id, 'accept', { expectedSequence: 1, note: '材料齐全' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.deadlines.map((d: { step: string }) => d.step)).toEqual(['homeVisit', 'overall']);

    expect((await kit.act(township, id, 'home-visit', { ...kit.visit, expectedSequence: 2 })).body.status).toBe('homeVisitRecorded');
    const reviewed = await kit.act(township, id, 'review', { recommendation: 'approve', proposedMonthlyAmountFen: 136500, expectedSequence: 3 });
    expect(reviewed.body.status).toBe('reviewed');
    const notice = await kit.act(township, id, 'public-notice', { expectedSequence: 4 });
    expect(notice.body.status).toBe('publicNotice');
    expect(notice.body.notice).toMatchObject({ round: 1, startsOn: today(), ended: false });

    // The public page: masked name, household size, amount and region, nothing else.
    const pub = await api.get('/api/v1/public-notices?regionCode=371402');
    const entry = pub.body.notices.find((n: { nameMasked: string }) => n.nameMasked === '王**');
    expect(entry).toEqual({ id: expect.any(String), programmeName: '最低生活保障（低保）', nameMasked: '王**', householdSize: 2, amountFen: 136500, regionCode: '371402001', startsOn: today(), endsOn: notice.body.notice.endsOn });
    expect(JSON.stringify(pub.body)).not.toMatch(/王秀英|13900001234|3714021/);

    // Approval waits for the notice to end.
    const early = await kit.act(county, id, 'approve', {});
    expectEnvelope(early, 409, 'APPLICATION_TRANSITION_NOT_ALLOWED');
    expect(early.body.error.message).toContain('公示中');
    await kit.endNotice(id);
    const approved = await kit.act(county, id, 'approve', { expectedSequence: 5, note: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.entitlement).toMatchObject({ programme: 'dibao', payment: 'monthly', monthlyAmountFen: 136500, startMonth: addMonths(today().slice(0, 7), 1), beneficiaryName: '王秀英', status: 'active' });
    expect(approved.body.entitlement.nextRecheckOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await api.get('/api/v1/public-notices?regionCode=371402')).body.notices.find((n: { id: string }) => n.id === entry.id)).toBeUndefined();

    // The resident sees the whole timeline, the entitlement and the messages.
    const mine = await api.get(`/api/v1/applications/${id}`, me.token);
    expect(mine.body.timeline.map((t: { action: string }) => t.action)).toEqual(['submit', 'accept', 'recordHomeVisit', 'review', 'startPublicNotice', 'approve']);
    expect(mine.body.nextStep).toBeNull();
    expect(JSON.stringify(mine.body.timeline)).not.toContain('无劳动能力，住房简陋'); // findings are for staff
    expect((await api.get('/api/v1/entitlements', me.token)).body.entitlements).toEqual([expect.objectContaining({ applicationId: id, monthlyAmountFen: 136500 })]);
    const msgs = await api.get('/api/v1/messages', me.token);
    expect(msgs.body.messages.map((m: { title: string }) => m.title)).toEqual(expect.arrayContaining(['申请已提交', '申请已受理', '申请进入公示', '申请已批准']));
    expect(msgs.body.unread).toBe(msgs.body.messages.length);
    const read = await api.post(`/api/v1/messages/${msgs.body.messages[0].id}/read`, {}, me.token);
    expect(read.status).toBe(204);
    expect((await api.get('/api/v1/messages', me.token)).body.unread).toBe(msgs.body.messages.length - 1);

    // The case closed: the one-open-application key is released, a new dibao application is possible.
    expect((await stack.app.db.collection('application_open_keys').countDocuments({ applicationId: id }))).toBe(0);
    await kit.submitted(me.token);
  });

  it('the staff view suggests the amount from the policy estimate and audits the read', async () => {
    const me = await kit.resident('a-estimate', { regionCode: '371402001' });
    const app = await kit.submitted(me.token);
    const township = await kit.staff('a-township', '371402001', 'township');
    const before = await stack.app.models.Audit.countDocuments({ subjectId: me.userId, action: 'person.read' });
    const detail = await kit.api.get(`/api/v1/staff/applications/${app.id}`, township);
    expect(await stack.app.models.Audit.countDocuments({ subjectId: me.userId, action: 'person.read' })).toBe(before + 1);
    if (detail.body.estimate) {
      expect(Number.isInteger(detail.body.estimate.monthlyAmountFen)).toBe(true);
      expect(detail.body.estimate.reasons.length).toBeGreaterThan(0);
    }
  });
});

describe('programme chains and special cases', () => {
  it('children are never posted: orphan goes from review straight to approval', async () => {
    const guardian = await kit.resident('a-guardian');
    const f1 = (await kit.upload(guardian.token)).body.id;
    const app = await kit.submitted(guardian.token, 'orphan', {
      onBehalfOf: { name: '小明', idNumber: idNumber('37140220150601003'), regionCode: '371402001', relation: '监护人（祖母）' },
      form: { members: [{ key: 'self', name: '小明', relation: 'self', age: 11, childStatus: 'orphanCommunity' }], reason: '父母因事故去世，由祖母抚养' },
      documents: [{ item: 'idCard', fileId: f1 }, { item: 'guardianId', fileId: f1 }, { item: 'parentsDeathProof', fileId: f1 }],
    });
    const township = await kit.staff('a-township', '371402001', 'township');
    const county = await kit.staff('a-county', '371402', 'county');
    await kit.act(township, app.id, 'accept');
    await kit.act(township, app.id, 'home-visit', kit.visit);
    await kit.act(township, app.id, 'review', { recommendation: 'approve', proposedMonthlyAmountFen: 150000 });
    const refused = await kit.act(township, app.id, 'public-notice');
    expectEnvelope(refused, 409, 'APPLICATION_TRANSITION_NOT_ALLOWED');
    const ok = await kit.act(county, app.id, 'approve', {});
    expect(ok.body.status).toBe('approved');
    expect(ok.body.filedByHelper).toBe(true);
    expect(ok.body.helperRelation).toBe('监护人（祖母）');
    expect(ok.body.entitlement.startMonth).toBe(addMonths(today().slice(0, 7), 1));
  });

  it('disability subsidies skip the home visit and pay from the month of application', async () => {
    const me = await kit.resident('a-disabled');
    const f = (await kit.upload(me.token)).body.id;
    const app = await kit.submitted(me.token, 'disabilityCare', {
      form: { members: [{ key: 'self', name: '王秀英', relation: 'self', disabilityGrade: 1 }], reason: '一级肢体残疾，需要长期照护' },
      documents: [{ item: 'idCard', fileId: f }, { item: 'disabilityCertificate', fileId: f }],
    });
    const township = await kit.staff('a-township', '371402001', 'township');
    const county = await kit.staff('a-county', '371402', 'county');
    const accepted = await kit.act(township, app.id, 'accept');
    expect(accepted.body.allowedActions).toEqual(['review']);
    expect(accepted.body.deadlines.map((d: { step: string }) => d.step)).toEqual(['overall']);
    const reviewed = await kit.act(township, app.id, 'review', { recommendation: 'approve', proposedMonthlyAmountFen: 10000 });
    expect(reviewed.body.deadlines.map((d: { step: string }) => d.step)).toEqual(['approve', 'overall']);
    const ok = await kit.act(county, app.id, 'approve', { amountFen: 12000 });
    expect(ok.body.entitlement).toMatchObject({ monthlyAmountFen: 12000, startMonth: today().slice(0, 7) });
  });

  it('an objection during the notice reopens the investigation and restarts the notice', async () => {
    const me = await kit.resident('a-objection', { name: '赵大海' });
    const app = await kit.submitted(me.token);
    const township = await kit.staff('a-township', '371402001', 'township');
    const county = await kit.staff('a-county', '371402', 'county');
    await kit.act(township, app.id, 'accept');
    await kit.act(township, app.id, 'home-visit', kit.visit);
    await kit.act(township, app.id, 'review', { recommendation: 'approve', proposedMonthlyAmountFen: 50000 });
    await kit.act(township, app.id, 'public-notice');
    const objected = await kit.act(township, app.id, 'objection', { note: '群众反映家中有经营收入' });
    expect(objected.body.status).toBe('objection');
    expect(objected.body.deadlines[0].step).toBe('homeVisit');
    expect((await kit.api.get('/api/v1/public-notices')).body.notices.filter((n: { nameMasked: string }) => n.nameMasked === '赵**')).toEqual([]);
    expectEnvelope(await kit.act(county, app.id, 'approve', {}), 409, 'APPLICATION_TRANSITION_NOT_ALLOWED');
    await kit.act(township, app.id, 'home-visit', { ...kit.visit, findings: '核实：小卖部已停业' });
    await kit.act(township, app.id, 'review', { recommendation: 'approve', proposedMonthlyAmountFen: 40000 });
    const again = await kit.act(township, app.id, 'public-notice');
    expect(again.body.notice.round).toBe(2);
    const posted = (await kit.api.get('/api/v1/public-notices')).body.notices.filter((n: { nameMasked: string }) => n.nameMasked === '赵**');
    expect(posted).toEqual([expect.objectContaining({ amountFen: 40000 })]);
  });

  it('requestSupplement lists everything missing at once; the applicant supplements; county may reject with reasons', async () => {
    const me = await kit.resident('a-supplement');
    const app = await kit.submitted(me.token);
    const township = await kit.staff('a-township', '371402001', 'township');
    const county = await kit.staff('a-county', '371402', 'county');
    const req = await kit.act(township, app.id, 'request-supplement', { missingDocuments: ['配偶收入证明', '病历'] });
    expect(req.body.status).toBe('supplementRequested');
    const seen = await kit.api.get(`/api/v1/applications/${app.id}`, me.token);
    expect(seen.body.nextStep.label).toContain('配偶收入证明、病历');
    expect(seen.body.allowedActions).toEqual(['supplement', 'withdraw']);
    const f = (await kit.upload(me.token)).body.id;
    const back = await kit.api.post(`/api/v1/applications/${app.id}/supplement`, { documents: [{ item: 'incomeProof', fileId: f }] }, me.token);
    expect(back.body.status).toBe('submitted');
    expect(back.body.missingDocuments).toEqual([]);
    await kit.act(township, app.id, 'accept');
    const rejected = await kit.act(county, app.id, 'reject', { reasons: '家庭人均收入高于当地低保标准' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReasons: '家庭人均收入高于当地低保标准' });
    const msgs = (await kit.api.get('/api/v1/messages', me.token)).body.messages;
    expect(msgs.find((m: { title: string }) => m.title === '申请未获批准').body).toContain('家庭人均收入高于当地低保标准');
  });

  it('emergency temporary aid: granted first, flagged until the paperwork is done', async () => {
    const me = await kit.resident('a-emergency');
    const f = (await kit.upload(me.token)).body.id;
    const app = await kit.submitted(me.token, 'temporary', {
      form: { hukou: 'rural', members: [{ key: 'self', name: '王秀英', relation: 'self' }], reason: '房屋失火，生活用品全部烧毁', temporaryKind: 'emergency', requestedAmountFen: 200000 },
      documents: [{ item: 'idCard', fileId: f }],
    });
    const township = await kit.staff('a-township', '371402001', 'township');
    const county = await kit.staff('a-county', '371402', 'county');
    const granted = await kit.act(township, app.id, 'grant-first', { amountFen: 100000, note: '24小时内先行救助' });
    expect(granted.body).toMatchObject({ status: 'submitted', emergency: true, grantedFirst: { amountFen: 100000, paperworkPending: true } });
    expectEnvelope(await kit.act(township, app.id, 'grant-first', { amountFen: 100000 }), 409, 'APPLICATION_TRANSITION_NOT_ALLOWED');
    const sup = await kit.api.get('/api/v1/staff/supervision', county);
    expect(sup.body.paperworkPending.map((a: { id: string }) => a.id)).toContain(app.id);
    await kit.act(township, app.id, 'accept');
    await kit.act(township, app.id, 'home-visit', kit.visit);
    await kit.act(township, app.id, 'review', { recommendation: 'approve', proposedMonthlyAmountFen: 200000 });
    const ok = await kit.act(county, app.id, 'approve', {});
    expect(ok.body.grantedFirst.paperworkPending).toBe(false);
    expect(ok.body.entitlement).toMatchObject({ payment: 'oneOff', oneOffAmountFen: 200000, monthlyAmountFen: null });
    expect((await kit.api.get('/api/v1/staff/supervision', county)).body.paperworkPending.map((a: { id: string }) => a.id)).not.toContain(app.id);
    // Non-emergency cases cannot be granted first.
    const other = await kit.submitted((await kit.resident('a-not-emergency')).token);
    const refused = await kit.act(township, other.id, 'grant-first', { amountFen: 100 });
    expectEnvelope(refused, 409, 'APPLICATION_TRANSITION_NOT_ALLOWED');
    expect(refused.body.error.message).toContain('急难型');
  });

  it('a helper files for someone: the person concerned (verified) sees the case, and who filed it', async () => {
    const helper = await kit.resident('a-helper', { name: '社区刘主任' });
    const personId = idNumber('37140219480808002');
    const app = await kit.submitted(helper.token, 'dibao', { onBehalfOf: { name: '孙桂兰', idNumber: personId, phone: '13800005678', regionCode: '371402001', relation: '社区工作人员' } });
    const person = await kit.resident('a-person', { name: '孙桂兰', idNumber: personId });
    const list = await kit.api.get('/api/v1/applications', person.token);
    expect(list.body.applications.map((a: { id: string }) => a.id)).toContain(app.id);
    const seen = await kit.api.get(`/api/v1/applications/${app.id}`, person.token);
    expect(seen.body).toMatchObject({ applicantName: '孙桂兰', filedByHelper: true, helperRelation: '社区工作人员', canConfirm: true });
    expect(JSON.stringify(seen.body)).not.toContain(personId);
    expect(JSON.stringify(seen.body)).not.toContain('13800005678');
    // Once the person confirms it: one open application per person and programme, whoever files.
    const confirmed = await kit.api.post(`/api/v1/applications/${app.id}/confirm`, { checkAuthorization: { textVersion: '2026-01', agreed: true } }, person.token);
    expect(confirmed.body).toMatchObject({ applicantConfirmed: true });
    const draft = await kit.readyDraft(person.token);
    expectEnvelope(await kit.api.post('/api/v1/applications', { draftId: draft.id, idempotencyKey: kit.key() }, person.token), 409, 'APPLICATION_ALREADY_OPEN');
  });

  it('overdue steps are flagged and listed (电子监察); the county may extend to 45 working days once', async () => {
    const me = await kit.resident('a-overdue');
    const app = await kit.submitted(me.token);
    const township = await kit.staff('a-township', '371402001', 'township');
    const county = await kit.staff('a-county', '371402', 'county');
    const accepted = await kit.act(township, app.id, 'accept');
    const overall = accepted.body.deadlines.find((d: { step: string }) => d.step === 'overall').dueOn;
    await stack.app.db.collection('applications').updateOne({ _id: app.id as never }, { $set: { stepDue: { step: 'homeVisit', dueOn: '2026-01-05' } } });
    const q = await kit.api.get('/api/v1/staff/applications?overdue=true', township);
    expect(q.body.applications.find((a: { id: string }) => a.id === app.id)).toMatchObject({ overdue: true, dueOn: '2026-01-05' });
    expect((await kit.api.get('/api/v1/staff/applications?overdue=false', township)).body.applications.map((a: { id: string }) => a.id)).not.toContain(app.id);
    expect((await kit.api.get('/api/v1/staff/supervision', county)).body.overdue.map((a: { id: string }) => a.id)).toContain(app.id);
    const ext = await kit.act(county, app.id, 'extend', { reason: '需要跨部门核对房产信息' });
    expect(ext.body.extended.reason).toBe('需要跨部门核对房产信息');
    expect(ext.body.deadlines.find((d: { step: string }) => d.step === 'overall').dueOn > overall).toBe(true);
    expectEnvelope(await kit.act(county, app.id, 'extend', { reason: '再次延长' }), 409, 'APPLICATION_TRANSITION_NOT_ALLOWED');
  });
});
