import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { EvaluationView, MonitoringImportReport, MonitoringImportView } from '@dajiuzhu/shared';
import { MONITORING_FIELD_LABELS, MONITORING_SOURCES, SOURCE_SPECS, type MonitoringField, type MonitoringSource } from '@dajiuzhu/shared/src/monitoring';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { useAction } from '../../../../components/hooks';
import { isApiError, type UploadSource } from '../../../../services/request';
import { pickFile } from '../../../../services/files';
import { monitoringApi } from '../../../../services/monitoring';
import { MONITORING_ROUTES } from '../../routes';
import { SOURCE_SHORT_NAMES } from '../../filters';
import { importFinished, importLine, missingColumnsText } from '../../importProgress';
import '../../components/monitoring.scss';

// Short names keep the chips to two rows; the full name of the chosen one is shown beneath.
const SOURCE_CHOICES = MONITORING_SOURCES.map((s) => ({ value: s, label: SOURCE_SHORT_NAMES[s] ?? SOURCE_SPECS[s].name }));
const POLL_MS = 1000;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 导入部门数据: choose the source, choose the file (H5: a labelled file input), upload; the import
 * runs in the background, so its counts are polled until it is done, then the per-row report and
 * the rule evaluation it started are shown.
 */
export default function ImportPage() {
  const [source, setSource] = useState<MonitoringSource>('medical');
  const [file, setFile] = useState<UploadSource | null>(null);
  const [job, setJob] = useState<MonitoringImportView | null>(null);
  const [evaluation, setEvaluation] = useState<EvaluationView | null>(null);
  const [report, setReport] = useState<MonitoringImportReport | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const send = useAction({ fallback: '上传失败，请重试' });
  const spec = SOURCE_SPECS[source];

  // Poll the import until it ends, then its evaluation until that ends.
  useEffect(() => {
    if (!job) return undefined;
    let stopped = false;
    let reported = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = (ms = POLL_MS) => { if (!stopped) timer = setTimeout(tick, ms); };
    async function tick() {
      try {
        const current = await monitoringApi.importJob(job!.id);
        if (stopped) return;
        setJob(current);
        if (!importFinished(current.status)) return again();
        if (current.status === 'done' && !reported) { reported = true; setReport(await monitoringApi.importReport(current.id)); }
        if (!current.evaluationId) return undefined;
        const ev = await monitoringApi.evaluation(current.evaluationId);
        if (stopped) return undefined;
        setEvaluation(ev);
        return importFinished(ev.status) ? undefined : again();
      } catch {
        return again(POLL_MS * 3); // offline for a moment: keep trying, slower
      }
    }
    again();
    return () => { stopped = true; if (timer) clearTimeout(timer); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job?.id]);

  const choose = () => void pickFile({ type: 'file', accept: ACCEPT, extensions: ['csv', 'xlsx'] }).then((f) => f && setFile(f));
  const start = () => {
    if (!file) return;
    setMissing(null);
    setReport(null);
    setEvaluation(null);
    void send.act(async () => {
      try {
        setJob(await monitoringApi.importFile(source, file));
      } catch (e) {
        if (isApiError(e) && e.code === 'MONITORING_IMPORT_MISSING_COLUMNS') setMissing(missingColumnsText((e.details as { missing?: string[] } | undefined)?.missing));
        throw e;
      }
    });
  };
  const fileName = file ? ('name' in file ? file.name : '') : '';

  return (
    <PageShell className='mon-import'>
      <View className='field'>
        <Text className='field__label'>数据来源</Text>
        <Chips options={SOURCE_CHOICES} value={source} onChange={(s) => s && setSource(s)} testId='import-source' />
        <Text className='mon-row__title' data-testid='import-source-name'>{spec.name}</Text>
        <Text className='mon-muted'>需要的列：{spec.required.map((f) => MONITORING_FIELD_LABELS[f as MonitoringField]).join('、')}</Text>
      </View>
      <View className='field'>
        {process.env.TARO_ENV === 'h5' ? (
          <>
            <label className='field__label' htmlFor='monitoring-import-file'>选择文件（CSV 或 XLSX）</label>
            <input
              id='monitoring-import-file'
              className='mon-file-input'
              type='file'
              accept={ACCEPT}
              data-testid='import-file'
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </>
        ) : (
          <>
            <Text className='field__label'>选择文件（CSV 或 XLSX）</Text>
            <Text className='mon-muted'>{fileName || '从微信聊天中选择文件'}</Text>
            <Button variant='secondary' onClick={choose}>选择文件</Button>
          </>
        )}
      </View>
      <Notice text={send.error} error />
      {missing ? <Text className='mon-warning' data-testid='import-missing'>{missing}</Text> : null}
      <Button disabled={!file} loading={send.busy} onClick={start}>开始导入</Button>

      {job ? (
        <View className='card' data-testid='import-progress' aria-live='polite'>
          <Text className='card__title'>{job.sourceName} · {job.fileName}</Text>
          <Text data-testid='import-status'>{importLine(job)}</Text>
          {evaluation ? (
            <Text data-testid='evaluation-status'>
              {importFinished(evaluation.status) ? `预警比对完成：新增预警 ${evaluation.counts.alertsNew} 条，已有 ${evaluation.counts.alertsExisting} 条` : '正在比对预警规则…'}
            </Text>
          ) : null}
          {evaluation && evaluation.status === 'done' ? <Button variant='secondary' onClick={() => Taro.navigateTo({ url: MONITORING_ROUTES.alerts })}>查看预警</Button> : null}
        </View>
      ) : null}

      {report && report.rows.length > 0 ? (
        <View className='card' data-testid='import-report'>
          <Text className='card__title'>未导入的行（{report.rows.length}{report.truncated ? '+' : ''}）</Text>
          {report.rows.map((r) => (
            <Text key={r.line} className='mon-evidence__item'>第 {r.line} 行 · {r.idNumberMasked || '—'} · {r.reason}{r.problems.length ? `：${r.problems.join('、')}` : ''}</Text>
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}
