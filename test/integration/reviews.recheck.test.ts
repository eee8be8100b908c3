import { addMonths, shanghaiDate, shanghaiMonth } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { expectEnvelope } from '../support/http';
import { idNumber, resident, staffIn } from './ledgerSupport';
import { recheckKit } from './recheckSupport';

/**
 * 复查 of a cut decided by a recheck (issue 11 item 6, subject kind `recheck`): the reasons come from
 * the recheck domain (`app.recheck.decisionFor`), the person asks for a review, the office sees it;
 * nobody else reads the decision.
 */
let stack: Stack;
beforeAll(async () => { stack = await startStack(); });
afterAll(() => stack.stop());

test('a cut decided by a recheck shows its reasons and can be reviewed by its person only', async () => {
  const kit = recheckKit(stack);
  const { api } = kit;
  const staff = (await staffIn(stack, 'rvr-staff', '371402')).accessToken;
  const wang = await resident(stack, 'rvr-wang', idNumber(61), '371402001', '王建国');
  const month = shanghaiMonth();
  await kit.entitlement('ent-rvr-wang', await kit.blindIndexOf(wang.user.id), { monthlyFen: 75500, startMonth: addMonths(month, -13), nextRecheckOn: shanghaiDate() });
  await stack.app.recheck.runSchedule();
  const rc = (await api.get('/api/v1/staff/rechecks', staff)).body.rechecks[0];
  expect((await api.post(`/api/v1/staff/rechecks/${rc.id}/data-check`, { hukou: 'urban', householdSize: 2, monthlyIncomeFen: 90000, householdStable: true, findings: '退休金增加' }, staff)).status).toBe(200);
  expect((await api.post(`/api/v1/staff/rechecks/${rc.id}/decision`, { outcome: 'adjust', fromMonth: month, monthlyAmountFen: 50000, reasons: ['家庭月收入增加（退休金调整）'] }, staff)).status).toBe(200);

  const decision = await api.get(`/api/v1/me/decisions/recheck/${rc.id}`, wang.accessToken);
  expect(decision.status).toBe(200);
  expect(decision.body).toMatchObject({ decision: 'reduced', decisionName: '减发', canRequestReview: true });
  expect(decision.body.lines.map((l: { text: string }) => l.text)).toContain('家庭月收入增加（退休金调整）');
  const other = await resident(stack, 'rvr-other', idNumber(62), '371402001', '李四');
  expectEnvelope(await api.get(`/api/v1/me/decisions/recheck/${rc.id}`, other.accessToken), 404, 'REVIEW_SUBJECT_NOT_FOUND');

  const asked = await api.post('/api/v1/me/reviews', { subjectKind: 'recheck', subjectId: rc.id, reason: '退休金并没有增加那么多' }, wang.accessToken);
  expect(asked.status).toBe(201);
  expect(asked.body).toMatchObject({ subjectKind: 'recheck', programme: 'dibao', subjectNameMasked: '王**', status: 'submitted' });
  const queue = await api.get('/api/v1/staff/reviews', staff);
  expect(queue.body.reviews.map((r: { id: string }) => r.id)).toEqual([asked.body.id]);
});
