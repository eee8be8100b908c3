import { act, fireEvent, render, screen } from '@testing-library/react';
import * as stub from '../../test-stubs/taro';
import { fakeApi } from '../../test-stubs/api';
import MinePage from '../pages/mine/index';
import HomePage from '../pages/index/index';
import { getElderMode, reloadElderModeForTests, setElderMode } from '../store/elderMode';
import { resetSessionForTests } from '../store/session';

const shellOf = (container: HTMLElement) => container.querySelector('.page-shell') as HTMLElement;

beforeEach(() => {
  stub.__reset();
  act(() => reloadElderModeForTests());
  resetSessionForTests({ status: 'signedIn', user: { id: 'u1', roles: ['resident'], createdAt: '2026-11-23T00:00:00Z' } });
});

describe('长辈模式', () => {
  it('switching it on in 我的 changes the root class of the page and persists the choice', () => {
    const { container } = render(<MinePage />);
    expect(shellOf(container).className).toContain('page-shell--standard');
    expect(shellOf(container).className).not.toContain('page-shell--elder');

    fireEvent.click(screen.getByText('长辈模式'));

    expect(shellOf(container).className).toContain('page-shell--elder');
    expect(stub.__storage.get('dajiuzhu.elderMode')).toBe(true);
    expect(screen.getByRole('switch').getAttribute('aria-checked')).toBe('true');

    fireEvent.click(screen.getByText('长辈模式'));
    expect(shellOf(container).className).toContain('page-shell--standard');
    expect(stub.__storage.get('dajiuzhu.elderMode')).toBe(false);
  });

  it('applies to every page, and is read back from storage at start', () => {
    act(() => setElderMode(true));
    const home = render(<HomePage />);
    expect(shellOf(home.container).className).toContain('page-shell--elder');
    home.unmount();

    // A fresh start of the app reads the stored value.
    expect(stub.__storage.get('dajiuzhu.elderMode')).toBe(true);
    stub.__storage.set('dajiuzhu.elderMode', false);
    act(() => reloadElderModeForTests());
    expect(getElderMode()).toBe(false);
    stub.__storage.set('dajiuzhu.elderMode', true);
    act(() => reloadElderModeForTests());
    expect(getElderMode()).toBe(true);
    const mine = render(<MinePage />);
    expect(shellOf(mine.container).className).toContain('page-shell--elder');
  });

  it('staff land on their desk (我的工作台) before the services; residents see the services', async () => {
    fakeApi({ 'GET /api/v1/staff/applications': () => ({ applications: [] }) });
    const resident = render(<HomePage />);
    expect(screen.queryByText('我的工作台')).toBeNull();
    expect(screen.getByText('申请救助')).toBeTruthy();
    resident.unmount();
    resetSessionForTests({ status: 'signedIn', user: { id: 's1', roles: ['staff'], createdAt: '2026-11-23T00:00:00Z' } });
    const { container } = render(<HomePage />);
    expect(screen.getByText('我的工作台')).toBeTruthy();
    expect(await screen.findByText('当前没有待办的申请', undefined, { timeout: 5000 })).toBeTruthy();
    const text = container.textContent ?? '';
    expect(text.indexOf('我的工作台')).toBeLessThan(text.indexOf('办事服务'));
  });
});
