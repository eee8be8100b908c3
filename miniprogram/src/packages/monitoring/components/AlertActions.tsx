import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import type { AlertDetailView } from '@dajiuzhu/shared';
import { ALERT_ACTION_LABELS } from '@dajiuzhu/shared/src/monitoring';
import { regionShortName } from '@dajiuzhu/shared/src/rules/regionNames';
import { Button } from '../../../components/Button';
import { Notice } from '../../../components/Notice';
import { useAction, useLoad } from '../../../components/hooks';
import { monitoringApi } from '../../../services/monitoring';
import { RadioList } from './Controls';
import { MONITORING_ROUTES } from '../routes';

type Step = 'assign' | 'returnForRevisit' | 'dismiss' | null;

/**
 * The staff actions on an alert — only those in `allowedActions`. Assign opens the list of grid
 * workers and staff of the region; return and dismiss ask for the reason first.
 */
export function AlertActions({ alert, onChanged }: { alert: AlertDetailView; onChanged: (next: AlertDetailView) => void }) {
  const allowed = alert.allowedActions;
  const [step, setStep] = useState<Step>(null);
  const [assigneeId, setAssigneeId] = useState<string>();
  const [reason, setReason] = useState('');
  const action = useAction({ fallback: '操作失败，请重试' });
  const assignees = useLoad(() => monitoringApi.assignees(alert.regionCode), [alert.regionCode], { enabled: step === 'assign' });
  const run = (fn: () => Promise<AlertDetailView>, done: string) =>
    action.act(async () => {
      onChanged(await fn());
      setStep(null);
      setReason('');
    }, done);

  const staffActions = allowed.filter((a) => a !== 'recordVisit');
  const ownTask = allowed.includes('recordVisit');
  if (staffActions.length === 0 && !ownTask) return null;
  const options = (assignees.data?.assignees ?? []).map((p) => ({
    value: p.userId,
    label: `${p.role === 'gridWorker' ? '网格员' : '工作人员'} ${p.name} · ${regionShortName(p.regionCode)}`,
  }));

  return (
    <View className='card' data-testid='alert-actions'>
      <Text className='card__title'>处置</Text>
      <Notice text={action.error} error />
      {step === 'assign' ? (
        <View data-testid='assign-panel'>
          <Text className='mon-filter__label'>分派给</Text>
          <Notice text={assignees.error} error />
          {assignees.data && options.length === 0 ? <Text className='mon-muted'>辖区内还没有网格员或工作人员</Text> : null}
          <RadioList options={options} value={assigneeId} onChange={setAssigneeId} testId='assignee-list' />
          <Button disabled={!assigneeId} loading={action.busy} onClick={() => assigneeId && run(() => monitoringApi.assign(alert.id, { assigneeId }), '已分派')}>确认分派</Button>
          <Button variant='secondary' onClick={() => setStep(null)}>取消</Button>
        </View>
      ) : step === 'returnForRevisit' || step === 'dismiss' ? (
        <View data-testid='reason-panel'>
          <Text className='mon-filter__label'>{step === 'dismiss' ? '直接办结的理由' : '退回重新核查的理由'}</Text>
          <Textarea className='mon-textarea' placeholder='请填写理由' maxlength={300} value={reason} onInput={(e) => setReason(e.detail.value)} />
          <Button
            disabled={!reason.trim()}
            loading={action.busy}
            onClick={() => run(() => (step === 'dismiss' ? monitoringApi.dismiss(alert.id, reason.trim()) : monitoringApi.returnForRevisit(alert.id, reason.trim())), step === 'dismiss' ? '已办结' : '已退回')}
          >
            {step === 'dismiss' ? '确认办结' : '确认退回'}
          </Button>
          <Button variant='secondary' onClick={() => setStep(null)}>取消</Button>
        </View>
      ) : (
        <View className='mon-bottom'>
          {ownTask ? <Button onClick={() => Taro.navigateTo({ url: `${MONITORING_ROUTES.task}?id=${alert.id}` })}>{ALERT_ACTION_LABELS.recordVisit}</Button> : null}
          {allowed.includes('confirm') ? <Button loading={action.busy} onClick={() => run(() => monitoringApi.confirm(alert.id), '已确认办结')}>{ALERT_ACTION_LABELS.confirm}</Button> : null}
          {allowed.includes('assign') ? <Button variant={alert.status === 'open' ? 'primary' : 'secondary'} onClick={() => setStep('assign')}>{alert.status === 'open' ? '分派核查' : '改派'}</Button> : null}
          {allowed.includes('returnForRevisit') ? <Button variant='secondary' onClick={() => setStep('returnForRevisit')}>{ALERT_ACTION_LABELS.returnForRevisit}</Button> : null}
          {allowed.includes('dismiss') ? <Button variant='secondary' onClick={() => setStep('dismiss')}>{ALERT_ACTION_LABELS.dismiss}</Button> : null}
        </View>
      )}
    </View>
  );
}
