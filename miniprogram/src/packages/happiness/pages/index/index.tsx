import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Canvas, Text, Textarea, View } from '@tarojs/components';
import { Picture } from '../../../../components/Picture';
import { formatYuan, formatYuanText } from '@dajiuzhu/shared/src/money';
import { shanghaiDate, shanghaiMonth, shanghaiYear } from '@dajiuzhu/shared/src/rules/date';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { useIdentity } from '../../../../components/useIdentity';
import { VerifyPrompt } from '../../../../components/VerifyPrompt';
import { useSession } from '../../../../store/session';
import { askQuestion, confirmReceipt, downloadPdf, getFeedback, getHappinessList, getYears, rate } from '../../../../services/happiness';
import { renderShareImage, saveShareImage } from '../../../../services/shareImage';
import { dueMonths, statementImage } from '../../statementImage';
import './index.scss';

const STATUS_TEXT = { open: '等待回复', answered: '已回复', closed: '已办结' } as const;
const CANVAS_ID = 'happiness-share-canvas';

/** 幸福清单 (happinessList): a year picker, the totals at the top, a monthly chart, every programme expandable, feedback. */
export default function HappinessListPage() {
  const router = useRouter();
  const session = useSession();
  // The 幸福清单 is a record about a person: asked for only once the account's identity is verified.
  const identity = useIdentity();
  const canRead = session.status === 'signedIn' && identity.verified;
  const isStaff = !!session.user?.roles.includes('staff');
  const thisYear = shanghaiYear();
  const [year, setYear] = useState<number>(Number(router.params?.year) || thisYear - 1);
  const [open, setOpen] = useState<string | null>(null);
  const [question, setQuestion] = useState('');

  // The years with a published list, plus last year and this year; the newest published one first.
  const published = useLoad(() => getYears(), [], { enabled: canRead });
  const publishedYears = published.data?.years.map((y) => y.year) ?? [];
  const years = [...new Set([...publishedYears, thisYear - 1, thisYear])].sort((a, b) => b - a).slice(0, 5);
  const yearChosen = useRef(!!router.params?.year);
  useEffect(() => {
    const newest = published.data?.years[0]?.year;
    if (yearChosen.current || newest === undefined) return;
    yearChosen.current = true;
    setYear(newest);
  }, [published.data]);

  const statement = useLoad(async () => {
    const list = await getHappinessList(year);
    return { list, feedback: await getFeedback(year) };
  }, [year], { enabled: canRead });
  const list = statement.data?.list ?? null;
  const feedback = statement.data?.feedback ?? null;
  const loading = canRead ? statement.loading : !identity.unverified && !identity.error;

  const max = useMemo(() => Math.max(1, ...(list?.monthlyTotals ?? [0])), [list]);
  // Months of this year still to come are 未到期, not "0.00" (issue 13).
  const due = list ? dueMonths(list.year, shanghaiMonth()) : 12;
  const [picture, setPicture] = useState<string | null>(null);
  const sharing = useAction({ fallback: '图片生成失败，请稍后再试' });
  const makePicture = () => list && void sharing.act(async () => {
    const path = picture ?? await renderShareImage(statementImage(list, due), CANVAS_ID);
    setPicture(path);
    await saveShareImage(path, `幸福清单-${list.year}.png`);
  });

  const action = useAction({ toastIcon: 'none', errorToast: true });
  const busy = action.busy;
  /** Runs one feedback action, then shows the feedback as the server now has it. */
  const act = (fn: () => Promise<unknown>, done: string) =>
    action.act(async () => {
      await fn();
      const next = await getFeedback(year);
      statement.setData((d) => (d ? { ...d, feedback: next } : d));
    }, done);

  return (
    <PageShell className='happiness'>
      {identity.unverified ? <VerifyPrompt what='您的幸福清单' /> : null}
      {identity.error && !identity.data ? <Notice text={identity.error} error /> : null}
      {identity.verified ? <Chips className='hl-years' options={years.map((y) => ({ value: y, label: `${y}年` }))} value={year} onChange={(y) => { if (y !== undefined) { yearChosen.current = true; setYear(y); } }} /> : null}

      {loading ? <View className='card'><Text>正在加载…</Text></View> : null}
      {!loading && statement.error ? <View className='card'><Text className='card__title'>{year}年幸福清单</Text><Notice text={statement.error} /></View> : null}

      {list ? (
        <>
          <View className='card hl-summary'>
            <Text className='card__title'>{list.year}年幸福清单</Text>
            <Text className='card__line'>{list.beneficiary.nameMasked} · {regionName(list.beneficiary.regionCode)} · 第{list.version}版 · {shanghaiDate(new Date(list.publishedAt))} 发布</Text>
            <Text className='hl-total' data-testid='hl-grand-total'>全年合计 {formatYuanText(list.grandTotalFen)}</Text>
            <Text className='card__line'>{list.summary}</Text>
          </View>

          <View className='card'>
            <Text className='card__title'>每月领取（元）</Text>
            <View className='hl-chart'>
              {list.monthlyTotals.map((v, i) => (
                <View key={i} className={i < due ? 'hl-chart__col' : 'hl-chart__col hl-chart__col--future'} aria-label={i < due ? `${i + 1}月 ${formatYuan(v)} 元` : `${i + 1}月 未到期`}>
                  {i < due ? <View className='hl-chart__bar' style={{ height: `${Math.round((v / max) * 100)}%` }} /> : <View className='hl-chart__bar hl-chart__bar--future' />}
                  <Text className='hl-chart__label'>{String(i + 1)}</Text>
                </View>
              ))}
            </View>
            {due < 12 ? <Text className='card__line hl-future-note'>{due + 1}月起尚未到期，到期发放后会更新。</Text> : null}
          </View>

          {list.changes.length ? (
            <View className='card'>
              <Text className='card__title'>本版更正了这些内容</Text>
              {list.changes.map((c, i) => <Text key={i} className='card__line hl-change'>{c.text}</Text>)}
            </View>
          ) : null}

          <Text className='section-title'>领取的救助项目（点开看每月金额）</Text>
          <View className='list'>
            {list.programmes.map((p) => (
              <View key={p.programme} className='hl-prog tap' onClick={() => setOpen(open === p.programme ? null : p.programme)}>
                <View className='hl-prog__head'>
                  <Text className='hl-prog__name'>{p.name}</Text>
                  <Text className='hl-prog__amount'>{formatYuanText(p.totalFen)}</Text>
                </View>
                {open === p.programme ? (
                  <>
                    <Text className='hl-prog__plain'>{`${p.plain}，全年有 ${p.payments} 个月发放`}</Text>
                    <View className='hl-months'>
                      {p.months.map((v, i) => (
                        <View key={i} className={i < due ? 'hl-month' : 'hl-month hl-month--future'} data-testid={i < due ? undefined : 'hl-month-future'}>
                          <Text className='hl-month__m'>{i + 1}月</Text>
                          <Text>{i < due ? formatYuan(v) : '未到期'}</Text>
                        </View>
                      ))}
                    </View>
                  </>
                ) : null}
              </View>
            ))}
          </View>

          {list.otherHelp.length ? (
            <View className='card'>
              <Text className='card__title'>其他帮助</Text>
              {list.otherHelp.map((o) => <Text key={o.programme} className='card__line'>{o.name}：{o.times} 次{o.valueFen ? `，价值约 ${formatYuanText(o.valueFen)}` : ''}</Text>)}
            </View>
          ) : null}

          {list.standards.length ? (
            <View className='card'>
              <Text className='card__title'>执行的救助标准</Text>
              {list.standards.map((s, i) => <Text key={i} className='card__line'>{s.label}：{s.text}</Text>)}
            </View>
          ) : null}

          <View className='card'>
            <Text className='card__title'>打印版</Text>
            <Button variant='secondary' disabled={busy} onClick={() => act(() => downloadPdf(list.year), '已下载')}>下载打印版（PDF）</Button>
            <Text className='card__line'>也可以存成图片发给家人（只有姓氏和金额，没有身份证号、电话）。</Text>
            {process.env.TARO_ENV === 'h5' ? null : <Canvas canvasId={CANVAS_ID} id={CANVAS_ID} className='hl-share-canvas' style={{ width: '320px', height: '480px' }} />}
            {picture ? <Picture className='hl-share-picture' src={picture} mode='widthFix' label={`${list.year}年幸福清单图片`} data-testid='hl-share-picture' /> : null}
            <Notice text={sharing.error} error />
            <Button variant='secondary' loading={sharing.busy} onClick={makePicture}>保存为图片</Button>
          </View>

          <View className='card'>
            <Text className='card__title'>确认与评价</Text>
            {feedback?.confirmedVersion === list.version ? (
              <Text className='card__line'>您已确认收到本版清单，谢谢。</Text>
            ) : (
              <Button disabled={busy} onClick={() => act(() => confirmReceipt(list.year, list.version), '已确认收到')}>确认收到</Button>
            )}
            <Text className='card__line'>您对这份清单满意吗？</Text>
            <View className='hl-stars'>
              {[1, 2, 3, 4, 5].map((n) => (
                <View key={n} className={`hl-star tap ${(feedback?.rating?.score ?? 0) >= n ? 'hl-star--on' : ''}`} onClick={() => act(() => rate(list.year, n), '谢谢您的评价')}>
                  <Text>★</Text>
                </View>
              ))}
            </View>
          </View>

          <View className='card'>
            <Text className='card__title'>对清单有疑问？</Text>
            <Textarea className='hl-textarea' value={question} placeholder='请写下您的疑问，工作人员会尽快回复' maxlength={500} onInput={(e) => setQuestion(e.detail.value)} />
            <Button
              disabled={busy || question.trim().length < 2}
              onClick={() => act(async () => { await askQuestion(list.year, { text: question.trim() }); setQuestion(''); }, '已提交，请留意回复')}
            >
              提交疑问
            </Button>
            {feedback?.questions.map((q) => (
              <View key={q.id} className='card__line'>
                <Text className='card__line'>{q.text}</Text>
                <Text className={`hl-status hl-status--${q.status}`}>{`状态：${STATUS_TEXT[q.status]}`}</Text>
                {q.answers.map((a, i) => <View key={i} className='hl-answer'><Text>{`工作人员回复：${a.text}`}</Text></View>)}
              </View>
            ))}
          </View>
        </>
      ) : null}

      {isStaff ? (
        <View className='list'>
          <View className='list__item tap' onClick={() => Taro.navigateTo({ url: '/packages/ledger-staff/pages/index/index' })}>
            <Text className='list__title'>工作人员：台账导入、发放与清单发布</Text>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
