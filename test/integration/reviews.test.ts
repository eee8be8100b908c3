import { addCalendarDays, shanghaiDate } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { expectEnvelope } from '../support/http';
import { applicationsKit, idNumber } from '../support/applications';

/**
 * 复查/异议 (issue 11 item 6): a refusal shows its reasons line by line (the office's written
 * reasons, the counted income against the standard, the rule); the person asks for a review within
 * the period (after it: 409, nothing stored); the office answers within its time limit or the
 * request escalates to the county, which answers; the outcome is shown; counts per region.
 */
let stack: Stack;
let kit: ReturnType<typeof applicationsKit>;
let township: string;
let county: string;

/** A household whose pension is far above the dibao standard: the estimate explains the refusal. */
const richForm = (self: Record<string, unknown>) => ({
  hukou: 'urban',
  members: [{ ...self, age: 66, canWork: false, incomes: [{ kind: 'pension', monthlyFen: 320000 }] }, { key: 'm2', name: '李建国', relation: 'spouse', idNumber: idNumber('37140219580305001'), age: 68, canWork: false }],
  reason: '生活困难',
});

async function refused(openid: string) {
  const me = await kit.resident(openid);
  const d = await kit.api.post('/api/v1/applications/drafts', { programme: 'dibao' }, me.token);
  const app = await kit.submitted(me.token, 'dibao', { form: richForm(d.body.form.members[0]) });
  expect((await kit.act(township, app.id, 'accept')).status).toBe(200);
  const r = await kit.act(county, app.id, 'reject', { reasons: '家庭人均收入高于当地低保标准\n家庭成员有稳定养老金收入' });
  expect(r.body.status).toBe('rejected');
  return { me, app };
}

const waitFor = async <T>(probe: () => Promise<T>, ok: (v: T) => boolean) => {
  for (let i = 0; i < 100; i++) {
    const v = await probe();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached');
};

beforeAll(async () => {
  stack = await startStack({ overrides: { supervision: { reviewEscalateEveryMs: 200 } } });
  kit = applicationsKit(stack);
  township = await kit.staff('rv-township', '371402001', 'township');
  county = await kit.staff('rv-county', '371402', 'county');
});
afterAll(async () => { await stack.stop(); });

test('a refusal shows its reasons line by line; a review overdue at the office escalates to the county, which answers', async () => {
  const { me, app } = await refused('rv-person');
  const decision = await kit.api.get(`/api/v1/me/decisions/application/${app.id}`, me.token);
  expect(decision.status).toBe(200);
  expect(decision.body).toMatchObject({ decision: 'rejected', decisionName: '不予批准', canRequestReview: true, review: null });
  expect(decision.body.reviewBy).toBe(addCalendarDays(decision.body.decidedOn, 60));
  const labels = decision.body.lines.map((l: { label: string }) => l.label);
  expect(labels.slice(0, 3)).toEqual(['决定', '书面理由', '书面理由']);
  // The estimate's own lines: the counted income against the standard.
  const computed = decision.body.lines.filter((l: { label: string }) => l.label === '核算').map((l: { text: string }) => l.text).join('\n');
  expect(computed).toMatch(/低保标准/);
  expect(computed).toMatch(/3200/);
  expect(decision.body.rule).toContain('民发〔2021〕57号');
  // Nobody else reads it.
  const stranger = await kit.resident('rv-stranger');
  expectEnvelope(await kit.api.get(`/api/v1/me/decisions/application/${app.id}`, stranger.token), 404, 'REVIEW_SUBJECT_NOT_FOUND');

  const asked = await kit.api.post('/api/v1/me/reviews', { subjectKind: 'application', subjectId: app.id, reason: '老伴的养老金已停发，收入算错了' }, me.token);
  expect(asked.status).toBe(201);
  expect(asked.body).toMatchObject({ status: 'submitted', level: 'township', overdue: false, answer: null });
  // A retry is the same request.
  const retry = await kit.api.post('/api/v1/me/reviews', { subjectKind: 'application', subjectId: app.id, reason: '老伴的养老金已停发，收入算错了' }, me.token);
  expect(retry.status).toBe(200);
  expect(retry.body.id).toBe(asked.body.id);
  expect(await stack.app.db.collection('review_requests').countDocuments()).toBe(1);

  const queue = await kit.api.get('/api/v1/staff/reviews', township);
  expect(queue.body.reviews.map((r: { id: string }) => r.id)).toEqual([asked.body.id]);
  expect(JSON.stringify(queue.body)).not.toMatch(/\d{17}[\dX]/);
  const detail = await kit.api.get(`/api/v1/staff/reviews/${asked.body.id}`, township);
  expect(detail.body.decision.lines.length).toBe(decision.body.lines.length);

  // The office's time runs out (its answer date is yesterday): the job hands it to the county.
  await stack.app.db.collection('review_requests').updateOne({ _id: asked.body.id }, { $set: { dueOn: addCalendarDays(shanghaiDate(), -1) } });
  const escalated = await waitFor(() => kit.api.get('/api/v1/me/reviews', me.token), (r) => r.body.reviews[0]?.status === 'escalated');
  expect(escalated.body.reviews[0]).toMatchObject({ level: 'county', statusName: '已逾期，转县级民政部门办理', overdue: false });
  expectEnvelope(await kit.api.post(`/api/v1/staff/reviews/${asked.body.id}/answer`, { outcome: 'upheld', text: '维持' }, township), 403, 'REVIEW_COUNTY_ONLY');

  const answered = await kit.api.post(`/api/v1/staff/reviews/${asked.body.id}/answer`, { outcome: 'changed', text: '经复查，养老金已停发，重新受理并入户调查' }, county);
  expect(answered.status).toBe(200);
  expect(answered.body).toMatchObject({ status: 'answered', answer: { outcome: 'changed', outcomeName: '改变原决定', level: 'county' } });
  expectEnvelope(await kit.api.post(`/api/v1/staff/reviews/${asked.body.id}/answer`, { outcome: 'upheld', text: '再答一次' }, county), 409, 'REVIEW_ACTION_NOT_ALLOWED');
  const shown = await kit.api.get(`/api/v1/me/decisions/application/${app.id}`, me.token);
  expect(shown.body.review).toMatchObject({ status: 'answered', answer: { text: '经复查，养老金已停发，重新受理并入户调查' } });
  expect(shown.body.canRequestReview).toBe(false);

  const counts = await kit.api.get('/api/v1/staff/reviews/counts', county);
  expect(counts.body.total).toMatchObject({ answered: 1, submitted: 0, escalated: 0 });
  expect(counts.body.byRegion).toEqual([expect.objectContaining({ regionCode: '371402001', answered: 1 })]);
});

test('an appeal after its deadline is refused and nothing is stored; only a refusal can be appealed', async () => {
  const { me, app } = await refused('rv-late');
  // Decided 61 days ago (the period is 60 calendar days).
  await stack.app.db.collection('applications').updateOne({ _id: app.id as never }, { $set: { closedAt: new Date(Date.now() - 61 * 86_400_000) } });
  const before = await stack.app.db.collection('review_requests').countDocuments();
  const late = await kit.api.post('/api/v1/me/reviews', { subjectKind: 'application', subjectId: app.id, reason: '我不同意' }, me.token);
  expectEnvelope(late, 409, 'REVIEW_PERIOD_OVER');
  expect(await stack.app.db.collection('review_requests').countDocuments()).toBe(before);
  expect((await kit.api.get(`/api/v1/me/decisions/application/${app.id}`, me.token)).body.canRequestReview).toBe(false);

  const open = await kit.resident('rv-open');
  const pending = await kit.submitted(open.token);
  expectEnvelope(await kit.api.post('/api/v1/me/reviews', { subjectKind: 'application', subjectId: pending.id, reason: '我不同意' }, open.token), 409, 'REVIEW_NOT_REVIEWABLE');
  expectEnvelope(await kit.api.post('/api/v1/me/reviews', { subjectKind: 'recheck', subjectId: 'no-such-recheck', reason: '我不同意' }, open.token), 404, 'REVIEW_SUBJECT_NOT_FOUND');
  expect(await stack.app.db.collection('review_requests').countDocuments()).toBe(before);
});
