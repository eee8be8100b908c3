import { alertTransition, allowedAlertActions, reportStatusOf } from './alertMachine';
import { findContactNumbers } from './reportText';
import { validateRecordRow } from './records';

test('the loop in order; out of order is null', () => {
  expect(alertTransition('open', 'assign')).toBe('assigned');
  expect(alertTransition('assigned', 'recordVisit', 'notFound')).toBe('assigned');
  expect(alertTransition('assigned', 'recordVisit', 'enrol')).toBe('visited');
  expect(alertTransition('visited', 'confirm')).toBe('closed');
  expect(alertTransition('visited', 'returnForRevisit')).toBe('assigned');
  expect(alertTransition('open', 'recordVisit', 'enrol')).toBeNull();
  expect(alertTransition('assigned', 'confirm')).toBeNull();
  expect(alertTransition('closed', 'assign')).toBeNull();
  expect(allowedAlertActions('assigned', ['assignee'])).toEqual(['recordVisit']);
  expect(allowedAlertActions('visited', ['staff'])).toEqual(['confirm', 'returnForRevisit']);
  expect(reportStatusOf('visited')).toBe('inProgress');
});

test('phone and ID numbers in a text are found, spaced or full-width; dates and amounts are not', () => {
  expect(findContactNumbers('请联系 138 0013 8000')).toEqual(['phoneNumber']);
  expect(findContactNumbers('电话０５３４－２２２２３３３')).toEqual(['phoneNumber']);
  expect(findContactNumbers('身份证 37140219600101011X 的老人')).toEqual(['idNumber']);
  expect(findContactNumbers('2026年3月花了12000元，住在3号楼')).toEqual([]);
});

test('a department row is checked cell by cell, every problem listed', () => {
  expect(validateRecordRow('medical', { idNumber: '123', date: '2026/13/01', amount: 'abc' }, '2026-11-30')).toEqual({ ok: false, problems: ['idNumberFormat', 'dateInvalid', 'amountInvalid'] });
  const ok = validateRecordRow('assets', { idNumber: '11010519491231002X', date: '20260305', assetKind: '车辆', amount: '1,200' }, '2026-11-30');
  expect(ok).toMatchObject({ ok: true, record: { kind: 'vehicle', date: '2026-03-05', amountFen: 120_000 } });
});
