import { reviewTransition } from './machine';

describe('review requests', () => {
  it('the office answers a submitted request; only the county answers an escalated one', () => {
    expect(reviewTransition('submitted', 'answer', 'township')).toBe('answered');
    expect(reviewTransition('escalated', 'answer', 'township')).toBeNull();
    expect(reviewTransition('escalated', 'answer', 'county')).toBe('answered');
  });
  it('only the job escalates, and only a submitted request; an answer is final', () => {
    expect(reviewTransition('submitted', 'escalate', 'system')).toBe('escalated');
    expect(reviewTransition('submitted', 'escalate', 'county')).toBeNull();
    expect(reviewTransition('answered', 'escalate', 'system')).toBeNull();
    expect(reviewTransition('answered', 'answer', 'county')).toBeNull();
  });
});
