import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import * as stub from '../../test-stubs/taro';
import { ApiError } from '../services/request';
import { Button } from './Button';
import { CheckRow } from './CheckRow';
import { Chips, type Choice } from './Chips';
import { errorText } from './errorText';
import { useAction, useLoad } from './hooks';

beforeEach(() => stub.__reset());

/** The Taro button element (taro-button-core on H5) holding the label. */
const buttonOf = (label: string) => screen.getByText(label).closest('taro-button-core') as HTMLElement;

describe('Button', () => {
  it('sets no disabled attribute unless truly disabled (Taro H5 greys out any disabled attribute)', () => {
    const onClick = jest.fn();
    const { rerender } = render(<Button onClick={onClick}>提交</Button>);
    expect(buttonOf('提交').hasAttribute('disabled')).toBe(false);
    expect(buttonOf('提交').className).toContain('btn btn--primary');
    fireEvent.click(screen.getByText('提交'));
    expect(onClick).toHaveBeenCalledTimes(1);

    rerender(<Button disabled onClick={onClick}>提交</Button>);
    expect(buttonOf('提交').hasAttribute('disabled')).toBe(true);
    expect(buttonOf('提交').className).toContain('btn--inactive');
    expect(buttonOf('提交').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByText('提交'));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('ignores taps while loading, styled from its state', () => {
    const onClick = jest.fn();
    render(<Button variant='secondary' loading onClick={onClick}>保存</Button>);
    fireEvent.click(screen.getByText('保存'));
    expect(onClick).not.toHaveBeenCalled();
    expect(buttonOf('保存').className).toContain('btn--secondary');
    expect(buttonOf('保存').className).toContain('btn--inactive');
    expect(buttonOf('保存').hasAttribute('disabled')).toBe(false);
  });
});

describe('Chips', () => {
  const OPTIONS: Choice<'urban' | 'rural'>[] = [{ value: 'urban', label: '城镇' }, { value: 'rural', label: '农村' }];
  function Picker({ allowNone }: { allowNone?: boolean }) {
    const [v, setV] = useState<'urban' | 'rural' | undefined>();
    return (
      <>
        <Chips options={OPTIONS} value={v} onChange={setV} allowNone={allowNone} />
        <span data-testid='value'>{v ?? 'none'}</span>
      </>
    );
  }

  it('is a radio group: one chip on at a time', () => {
    render(<Picker />);
    fireEvent.click(screen.getByText('城镇'));
    expect(screen.getByTestId('value').textContent).toBe('urban');
    expect(screen.getByText('城镇').closest('[role="radio"]')!.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByText('城镇'));
    expect(screen.getByTestId('value').textContent).toBe('urban');
    fireEvent.click(screen.getByText('农村'));
    expect(screen.getByTestId('value').textContent).toBe('rural');
  });

  it('with allowNone, tapping the chosen chip clears it', () => {
    render(<Picker allowNone />);
    fireEvent.click(screen.getByText('农村'));
    fireEvent.click(screen.getByText('农村'));
    expect(screen.getByTestId('value').textContent).toBe('none');
  });
});

describe('CheckRow', () => {
  function Tick({ busy }: { busy?: boolean }) {
    const [on, setOn] = useState(false);
    return <CheckRow checked={on} onChange={setOn} busy={busy} testId='tick'>为他人代办</CheckRow>;
  }

  it('is a checkbox: a tap on its words ticks it, another unticks it', () => {
    render(<Tick />);
    const box = screen.getByTestId('tick');
    expect(box.getAttribute('role')).toBe('checkbox');
    expect(box.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(screen.getByText('为他人代办'));
    expect(box.getAttribute('aria-checked')).toBe('true');
    expect(box.textContent).toContain('✓');
    fireEvent.click(box);
    expect(box.getAttribute('aria-checked')).toBe('false');
  });

  it('while busy, a tap changes nothing', () => {
    render(<Tick busy />);
    fireEvent.click(screen.getByTestId('tick'));
    expect(screen.getByTestId('tick').getAttribute('aria-checked')).toBe('false');
    expect(screen.getByTestId('tick').getAttribute('aria-busy')).toBe('true');
  });
});

describe('errorText', () => {
  it('shows the API’s message, or the fallback for anything else', () => {
    expect(errorText(new ApiError({ status: 409, code: 'X', message: '已被认领' }))).toBe('已被认领');
    expect(errorText(new Error('boom'), '保存失败')).toBe('保存失败');
    expect(errorText('x')).toBe('操作失败，请稍后再试');
  });
});

describe('useLoad and useAction', () => {
  it('useLoad keeps the data, and the error in words', async () => {
    let fail = false;
    const load = jest.fn(async () => {
      if (fail) throw new ApiError({ status: 500, code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
      return { n: 1 };
    });
    let api: ReturnType<typeof useLoad<{ n: number }>> | null = null;
    function Page() {
      api = useLoad(load);
      return <span>{api.loading ? 'loading' : api.data ? `n=${api.data.n}` : api.error}</span>;
    }
    render(<Page />);
    expect(await screen.findByText('n=1')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1); // the first show is the mount: loaded once
    fail = true;
    await act(async () => { await api!.reload(); });
    expect(api!.error).toBe('系统繁忙，请稍后再试');
    expect(api!.data).toEqual({ n: 1 }); // a failed reload keeps what is on screen
  });

  it('useAction runs once at a time, toasts on success and keeps the error text', async () => {
    let release: () => void = () => {};
    const fn = jest.fn(() => new Promise<void>((r) => { release = r; }));
    const onDone = jest.fn();
    let api: ReturnType<typeof useAction> | null = null;
    function Card() {
      api = useAction({ onDone });
      return <span>{api.busy ? 'busy' : api.error ?? 'idle'}</span>;
    }
    render(<Card />);
    let first: Promise<boolean> = Promise.resolve(false);
    act(() => { first = api!.act(fn, '已保存'); });
    await act(async () => { expect(await api!.act(fn, '已保存')).toBe(false); }); // second tap while busy
    expect(fn).toHaveBeenCalledTimes(1);
    await act(async () => { release(); expect(await first).toBe(true); });
    expect(stub.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
    expect(onDone).toHaveBeenCalledTimes(1);

    await act(async () => { await api!.act(async () => { throw new ApiError({ status: 409, code: 'WISH_TAKEN', message: '这个心愿已被认领' }); }); });
    await waitFor(() => expect(screen.getByText('这个心愿已被认领')).toBeTruthy());
    expect(api!.errorCode).toBe('WISH_TAKEN'); // a screen can answer a code with more than words (e.g. a way to verify)

    await act(async () => { await api!.act(async () => { throw new Error('boom'); }); });
    expect(api!.errorCode).toBeNull();
    act(() => api!.setError(null));
    expect(api!.error).toBeNull();
  });
});
