import { nextStepText, publicNoticeState } from './progressText';

describe('how progress reads', () => {
  it('names who acts only when the step does not already say it', () => {
    expect(nextStepText({ label: '乡镇（街道）受理', who: '乡镇（街道）' })).toBe('乡镇（街道）受理');
    expect(nextStepText({ label: '审批', who: '县级民政部门' })).toBe('审批（县级民政部门）');
  });

  it('shows 公示 as running from its first to its last day, ended after', () => {
    const notice = { startsOn: '2026-11-20', endsOn: '2026-11-27' };
    expect(publicNoticeState('publicNotice', notice, '2026-11-20')).toBe('running');
    expect(publicNoticeState('publicNotice', notice, '2026-11-27')).toBe('running');
    expect(publicNoticeState('publicNotice', notice, '2026-11-28')).toBe('ended');
    expect(publicNoticeState('approved', notice, '2026-11-22')).toBe('ended');
    expect(publicNoticeState('reviewed', null, '2026-11-22')).toBeNull();
  });
});
