import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { HappinessStats, ImportReport, ImportView, LedgerJobView, StaffHappinessQuestionView } from '@dajiuzhu/shared';
import { formatYuan } from '@dajiuzhu/shared/src/money';
import { shanghaiMonth } from '@dajiuzhu/shared/src/rules/date';
import { addMonths } from '@dajiuzhu/shared/src/applications/workingDays';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { errorText } from '../../../../components/errorText';
import { pickFile } from '../../../../services/files';
import type { UploadSource } from '../../../../services/request';
import {
  answerQuestion, downloadImportReport, follow, getImport, getImportReport, getJob, getQuestions, getSources, getStats, publishYear, startPaymentRun, uploadImport,
} from '../../../../services/ledger';
import './index.scss';

const STATUS = { queued: '排队中', running: '进行中', done: '已完成', failed: '失败', interrupted: '已中断' } as const;
const ROW_STATUS = { accepted: '已入账', duplicate: '重复，未再次入账', rejected: '未入账' } as const;

/** The month before this one in Shanghai, YYYY-MM: the usual month to pay. */
const lastMonth = () => addMonths(shanghaiMonth(), -1);

function Progress({ done, total }: { done: number; total: number }) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return <View className='ls-progress'><View className='ls-progress__bar' style={{ width: `${pct}%` }} /></View>;
}

/** Staff: import other departments' files and read the report; run a month's payment; publish a year; answer questions. */
export default function LedgerStaffPage() {
  const [sources, setSources] = useState<{ code: string; name: string }[]>([]);
  const [source, setSource] = useState('medical');
  const [file, setFile] = useState<UploadSource | null>(null);
  const [imp, setImp] = useState<ImportView | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [period, setPeriod] = useState(lastMonth());
  const [run, setRun] = useState<LedgerJobView | null>(null);
  const [year, setYear] = useState(String(Number(lastMonth().slice(0, 4))));
  const [pub, setPub] = useState<LedgerJobView | null>(null);
  const [questions, setQuestions] = useState<StaffHappinessQuestionView[]>([]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [stats, setStats] = useState<HappinessStats | null>(null);
  const [error, setError] = useState('');

  const fail = (e: unknown) => setError(errorText(e));
  const refreshQuestions = async () => {
    setQuestions((await getQuestions('open')).questions);
    setStats(await getStats(Number(year)));
  };
  useEffect(() => {
    getSources().then((r) => setSources(r.sources)).catch(fail);
    refreshQuestions().catch(fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the page opens
  }, []);

  /** weapp: a file from a chat (H5 has its own file input below). */
  const chooseFile = () => {
    void pickFile({ type: 'file', accept: '.csv,.xlsx,text/csv', extensions: ['csv', 'xlsx'] }).then((f) => { if (f) setFile(f); });
  };

  const doImport = async () => {
    if (!file) return;
    setError('');
    setReport(null);
    try {
      const started = await uploadImport(source, file);
      const done = await follow(() => getImport(started.id), setImp);
      setReport(await getImportReport(done.id));
    } catch (e) { fail(e); }
  };

  const downloadReport = () => {
    if (imp) downloadImportReport(imp).catch(fail);
  };

  return (
    <PageShell className='ledger-staff'>
      {error ? <View className='card'><Notice text={error} error /></View> : null}

      <View className='card'>
        <Text className='card__title'>导入其他部门的发放数据</Text>
        <Text className='card__line'>CSV 或 Excel（.xlsx），需有“身份证号、金额、发放月份”三列；GBK 编码可自动识别。</Text>
        <Chips className='chips--wrap' options={sources.map((s) => ({ value: s.code, label: s.name }))} value={source} onChange={(v) => setSource(v ?? source)} />
        {process.env.TARO_ENV === 'h5' ? (
          // The native file input, labelled and as large as a button (it covers its label, invisibly): axe found an
          // unlabelled, 29 px "Choose File" here (issue 13).
          <label className='ls-file-label'>
            <Text>{file ? `已选择：${file.name}` : '选择文件（CSV 或 Excel）'}</Text>
            <input className='ls-file' type='file' accept='.csv,.xlsx,text/csv' data-testid='import-file' onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
          </label>
        ) : (
          <Button variant='secondary' onClick={chooseFile}>{file ? file.name : '选择文件（从微信聊天）'}</Button>
        )}
        <Button disabled={!file} onClick={doImport}>开始导入</Button>
        {imp ? (
          <>
            <Text className='card__line'>{imp.fileName} · {STATUS[imp.status]}{imp.encoding === 'gbk' ? ' · GBK 编码' : ''}</Text>
            <Text className='card__line' data-testid='import-counts'>共 {imp.counts.rows} 行：入账 {imp.counts.accepted} 行，重复 {imp.counts.duplicates} 行，未入账 {imp.counts.rejected} 行</Text>
            <Text className='card__line'>入账金额 {formatYuan(imp.acceptedFen)} 元</Text>
            {imp.sameFileAs ? <Notice text='这个文件以前导入过，本次不会重复入账。' /> : null}
          </>
        ) : null}
        {report ? (
          <>
            <Button variant='secondary' onClick={downloadReport}>下载完整报告（CSV）</Button>
            {report.rows.map((r) => (
              <View key={r.line} className={`ls-row ls-row--${r.status}`}>
                <Text className='ls-row__status'>第 {r.line} 行 · {ROW_STATUS[r.status]}</Text>
                <Text>{r.idNumberMasked} {r.period} {r.amountFen === null ? '' : `${formatYuan(r.amountFen)} 元`}</Text>
                <Notice text={r.reason} />
              </View>
            ))}
          </>
        ) : null}
      </View>

      <View className='card'>
        <Text className='card__title'>按月发放</Text>
        <Text className='card__line'>为本辖区每个有效待遇发放一个月；重复运行不会重复发放。</Text>
        <Input className='ls-input' value={period} placeholder='发放月份，如 2025-03' onInput={(e) => setPeriod(e.detail.value)} />
        <Button onClick={() => startPaymentRun(period).then((j) => follow(() => getJob(j.id), setRun)).catch(fail)}>开始发放</Button>
        {run ? (
          <>
            <Progress done={run.counts.done} total={run.counts.total} />
            <Text className='card__line' data-testid='run-counts'>{run.period} · {STATUS[run.status]}：新发放 {run.counts.created} 笔，已发过 {run.counts.unchanged} 笔，合计 {formatYuan(run.totalFen)} 元</Text>
          </>
        ) : null}
      </View>

      <View className='card'>
        <Text className='card__title'>发布幸福清单</Text>
        <Input className='ls-input' value={year} placeholder='年度，如 2025' type='number' onInput={(e) => setYear(e.detail.value)} />
        <Button onClick={() => publishYear(Number(year)).then((j) => follow(() => getJob(j.id), setPub)).then(() => refreshQuestions()).catch(fail)}>发布本辖区清单</Button>
        {pub ? (
          <>
            <Progress done={pub.counts.done} total={pub.counts.total} />
            <Text className='card__line' data-testid='publish-counts'>{pub.year}年 · {STATUS[pub.status]}：{pub.counts.done}/{pub.counts.total} 人，新版本 {pub.counts.created} 份，未变 {pub.counts.unchanged} 份</Text>
          </>
        ) : null}
        {stats ? <Text className='card__line'>已发布 {stats.published} 份 · 确认收到 {stats.confirmations} · 评价 {stats.ratings} · 待回复问题 {stats.openQuestions}</Text> : null}
      </View>

      <View className='card'>
        <Text className='card__title'>群众的疑问</Text>
        {questions.length === 0 ? <Text className='card__line'>暂无待回复的问题</Text> : null}
        {questions.map((q) => (
          <View key={q.id} className='ls-row'>
            <Text>{q.nameMasked} · {q.year}年：{q.text}</Text>
            <Textarea className='ls-textarea' value={answers[q.id] ?? ''} placeholder='回复内容' onInput={(e) => setAnswers({ ...answers, [q.id]: e.detail.value })} />
            <Button
              onClick={() => answerQuestion(q.id, (answers[q.id] ?? '').trim()).then(() => { Taro.showToast({ title: '已回复', icon: 'none' }); return refreshQuestions(); }).catch(fail)}
            >
              回复
            </Button>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
