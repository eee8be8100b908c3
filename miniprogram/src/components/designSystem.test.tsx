import { act, fireEvent, render, screen } from '@testing-library/react';
import * as stub from '../../test-stubs/taro';
import { fakeApi } from '../../test-stubs/api';
import { resetSessionForTests } from '../store/session';
import { reloadElderModeForTests, setElderMode } from '../store/elderMode';
import { EmptyState } from './EmptyState';
import { StatusTag, toneOfStatus } from './StatusTag';
import { PageShell } from './PageShell';
import HomePage from '../pages/index/index';

const ENV = process.env.TARO_ENV;
beforeEach(() => {
  stub.__reset();
  act(() => reloadElderModeForTests());
  resetSessionForTests({ status: 'signedIn', user: { id: 'u1', roles: ['resident'], createdAt: '2026-11-23T00:00:00Z' } });
});
afterEach(() => {
  process.env.TARO_ENV = ENV;
});

describe('EmptyState', () => {
  it('says what is missing and offers the next step', () => {
    const onClick = jest.fn();
    render(<EmptyState title='还没有申请' hint='先做一次政策测算' action={{ label: '去政策测算', onClick }} />);
    expect(screen.getByText('还没有申请')).toBeTruthy();
    expect(screen.getByText('先做一次政策测算')).toBeTruthy();
    fireEvent.click(screen.getByText('去政策测算'));
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});

describe('StatusTag', () => {
  it('shows the status in the colour role of its meaning', () => {
    render(<StatusTag tone={toneOfStatus('approved')} text='已批准' />);
    expect(screen.getByText('已批准').className).toContain('status-tag--success');
    expect(toneOfStatus('rejected')).toBe('danger');
    expect(toneOfStatus('publicNotice')).toBe('warning');
  });
});

describe('PageShell on H5', () => {
  it('gives the page a main landmark, one h1 and, on an inner page, a back button that goes home without history', () => {
    process.env.TARO_ENV = 'h5';
    render(<PageShell title='实名信息'><span>内容</span></PageShell>);
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['实名信息']);
    expect(screen.getByRole('main').textContent).toContain('内容');
    fireEvent.click(screen.getByLabelText('返回上一页'));
    expect(stub.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('draws no header of its own on weapp (WeChat has its bar)', () => {
    process.env.TARO_ENV = 'weapp';
    render(<PageShell title='实名信息'><span>内容</span></PageShell>);
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.getByRole('main')).toBeTruthy();
  });
});

describe('首页 (服务大厅)', () => {
  it('greets by masked name, counts unread messages and puts the case in progress first', async () => {
    resetSessionForTests({ status: 'signedIn', user: { id: 'u1', roles: ['resident'], createdAt: '2026-11-23T00:00:00Z', profile: { name: '王建国', idNumberMasked: '3***1X', phoneMasked: '138****0001', birthDate: '1952-03-14', sex: 'male', hukou: 'urban', regionCode: '371402001', savedAt: '2026-11-23T00:00:00Z' } } });
    fakeApi({
      'GET /api/v1/me/identity': () => ({ verifier: 'wechat', status: 'unverified', demo: false, superseded: false, message: '尚未核验' }),
      'GET /api/v1/messages': () => ({ messages: [], unread: 2 }),
      'GET /api/v1/applications': () => ({ applications: [{ id: 'a1', programme: 'dibao', programmeName: '最低生活保障（低保）', status: 'publicNotice', statusLabel: '公示中', regionCode: '371402001', applicantNameMasked: '王**', filedByHelper: false, submittedAt: '2026-11-23T00:00:00Z', nextStep: '县级审批', dueOn: null, overdue: false, emergency: false, paperworkPending: false }] }),
      'GET /api/v1/me/wishes': () => ({ wishes: [] }),
      'GET /api/v1/public-notices': () => ({ notices: [{ id: 'n1', programmeName: '最低生活保障（低保）', nameMasked: '王**', householdSize: 2, amountFen: 75500, regionCode: '371402001', startsOn: '2026-11-20', endsOn: '2026-11-27' }] }),
    });
    render(<HomePage />);
    expect(screen.getByTestId('greeting').textContent).toBe('您好，王**');
    expect(await screen.findByText('您有 2 条未读消息 ›', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('公示中')).toBeTruthy();
    expect(screen.getByText('公示期 2026-11-20 至 2026-11-27')).toBeTruthy();
    expect(screen.getByText('12349')).toBeTruthy();
  });

  it('in 长辈模式 shows fewer services per screen, with a way to all of them', () => {
    fakeApi({});
    act(() => setElderMode(true));
    render(<HomePage />);
    expect(screen.getByTestId('services').children.length).toBe(4);
    expect(screen.getByText('全部服务 ›')).toBeTruthy();
  });

  it('a donor lands on 我要帮扶 first, without the resident\'s "start here" card', () => {
    fakeApi({});
    resetSessionForTests({ status: 'signedIn', user: { id: 'd1', roles: ['donor'], createdAt: '2026-11-23T00:00:00Z' } });
    render(<HomePage />);
    expect(screen.getByTestId('donor-desk').textContent).toContain('我要帮扶');
    expect(screen.queryByTestId('empty-state')).toBeNull();
  });
});
