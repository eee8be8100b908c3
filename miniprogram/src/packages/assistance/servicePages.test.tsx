import { render, screen } from '@testing-library/react';
import * as stub from '../../../test-stubs/taro';
import AssistanceEntry from './pages/index/index';
import { pageOfService } from './servicePages';

beforeEach(() => {
  stub.__reset();
  stub.redirectTo.mockClear();
});

describe('the assistance entry: ?service= opens a page only for a known service', () => {
  it('maps the known services to their pages', () => {
    expect(pageOfService('apply')).toBe('/packages/assistance/pages/apply/index');
    expect(pageOfService('progress')).toBe('/packages/assistance/pages/mine/index');
    expect(pageOfService(undefined)).toBeUndefined();
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('finds nothing for the built-in name %s', (name) => {
    expect(pageOfService(name)).toBeUndefined();
  });

  it('redirects for a known service; for ?service=constructor it redirects nowhere and shows the placeholder', () => {
    stub.__setRouterParams({ service: 'estimate' });
    const first = render(<AssistanceEntry />);
    expect(stub.redirectTo.mock.calls).toEqual([[{ url: '/packages/assistance/pages/estimate/index' }]]);
    first.unmount();

    stub.redirectTo.mockClear();
    stub.__setRouterParams({ service: 'constructor' });
    render(<AssistanceEntry />);
    expect(stub.redirectTo).not.toHaveBeenCalled();
    expect(screen.getByText('该服务正在建设中，敬请期待')).toBeTruthy();
  });
});
