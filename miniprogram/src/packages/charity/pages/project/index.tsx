import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CHARITY_TARGET_GROUP_LABELS } from '@dajiuzhu/shared/src/charity/targetGroups';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { StatusTag } from '../../../../components/StatusTag';
import { Loading, Notice } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { charityApi } from '../../../../services/charity';
import { Progress } from '../../components/Progress';
import { dayOf, PROJECT_STATUS, REPORT_KIND_LABELS, SPENDING_KIND_LABELS } from '../../labels';
import { CHARITY_ROUTES } from '../../routes';
import '../../components/charity.scss';

/** A project's public page: story, progress, matching, the organisation, budget, spending and reports; 我要捐赠 at the bottom. */
export default function CharityProjectPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data: p, error } = useLoad(() => charityApi.project(id), [id]);
  if (!p) return <PageShell className='charity-project'><Loading error={error} /></PageShell>;
  const status = PROJECT_STATUS[p.status];
  return (
    <PageShell className='charity-project'>
      <View className='card' data-testid='project-head'>
        <View className='ch-head'>
          <Text className='card__title' data-testid='project-title'>{p.title}</Text>
          <StatusTag tone={status.tone} text={status.label} />
        </View>
        <Text className='card__line'>{CHARITY_TARGET_GROUP_LABELS[p.targetGroup]} · {p.regionName}</Text>
        <Text className='card__line'>发起机构：{p.organizationName}</Text>
        <Text className='ch-muted'>募捐期 {p.startDate} 至 {p.endDate}</Text>
        {p.reportOverdue ? <StatusTag tone='danger' text='报告逾期：暂停展示和募捐，补交后恢复' testId='report-overdue' /> : null}
        {p.endReason ? <Text className='card__line'>结束原因：{p.endReason}</Text> : null}
        <Progress p={p} />
      </View>

      {p.pledges.length ? (
        <View className='card' data-testid='pledges'>
          <Text className='card__title'>企业配捐</Text>
          {p.pledges.map((m) => (
            <Text key={m.companyName} className='ch-row'>{m.companyName}：每捐 1 元配 {m.ratioPercent / 100} 元，上限 {formatYuanText(m.capFen)}，已配 {formatYuanText(m.matchedFen)}</Text>
          ))}
        </View>
      ) : null}

      <View className='card'>
        <Text className='card__title'>项目介绍</Text>
        <Text className='ch-story'>{p.story}</Text>
      </View>

      <View className='card'>
        <Text className='card__title'>预算</Text>
        {p.budgetLines.map((b) => <Text key={b.id} className='ch-row'>{b.label}：{formatYuanText(b.amountFen)}</Text>)}
      </View>

      <View className='card' data-testid='reports'>
        <Text className='card__title'>项目报告（{p.reports.length}）</Text>
        {p.reports.length === 0 ? <Text className='ch-muted'>还没有报告。募捐期间至少每三个月报告一次。</Text> : null}
        {p.reports.map((r) => (
          <View key={r.id} className='ch-row' data-testid='report'>
            <Text className='ch-row__title'>{REPORT_KIND_LABELS[r.kind]} · {r.title}</Text>
            <Text className='ch-muted'>{dayOf(r.filedAt)} · 已筹 {formatYuanText(r.raisedFen)} · 已支出 {formatYuanText(r.spentFen)}</Text>
            <Text className='ch-story'>{r.body}</Text>
          </View>
        ))}
      </View>

      {p.spending.length ? (
        <View className='card' data-testid='spending'>
          <Text className='card__title'>善款支出</Text>
          {p.spending.map((s) => (
            <View key={s.id} className='ch-row'>
              <Text className='ch-row__title'>{s.purpose}：{formatYuanText(s.amountFen)}</Text>
              <Text className='ch-muted'>{s.spentOn} · {SPENDING_KIND_LABELS[s.kind]}{s.peopleHelped ? ` · ${s.peopleHelped} 人受助` : ''}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <Notice text={error} error />
      <View className='bottom-actions'>
        {p.acceptsDonations ? (
          <Button onClick={() => Taro.navigateTo({ url: `${CHARITY_ROUTES.donate}?id=${p.id}` })}>我要捐赠</Button>
        ) : (
          <Text className='ch-muted' data-testid='not-raising'>{p.reportOverdue ? '报告逾期，暂停募捐' : '本项目不在募捐中'}</Text>
        )}
      </View>
    </PageShell>
  );
}
