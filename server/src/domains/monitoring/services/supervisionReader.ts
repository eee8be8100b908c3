import { shanghaiDate } from '@dajiuzhu/shared';
import type { AlertDoc } from '../models/monitoring';
import type { MonitoringRepository } from '../repository';

/** An alert as 电子监察 reads it: who (masked), which rule, its deadline and state, the date of its first evidence. */
export interface SupervisedAlert {
  id: string; ruleKind: string; source: string; personKey: string; subjectName: string; idNumberMasked: string; regionCode: string;
  status: string; deadline: string; period: string; evidenceDate: string; summary: string;
}

const toSupervised = (a: AlertDoc): SupervisedAlert => ({
  id: a._id, ruleKind: a.ruleKind, source: a.source, personKey: a.personKey, subjectName: a.subjectName, idNumberMasked: a.idNumberMasked, regionCode: a.regionCode,
  status: a.status, deadline: a.deadline, period: a.period, evidenceDate: a.evidence?.items?.[0]?.date ?? '', summary: a.evidence?.summary ?? '',
});

/**
 * What 电子监察 reads of monitoring, through app.monitoring.supervision: the alerts of one rule kind
 * (deaths → 应退未退; assets → possible wrong grants) and the alerts not closed by their deadline.
 * Index regionCode_1_status_1 (and source_1_regionCode_1_status_1 by source).
 */
export function supervisionReader(repo: Pick<MonitoringRepository, 'listAlerts'>) {
  const SOURCE_OF: Record<string, string> = { deathInHousehold: 'publicSecurity', assetOnBeneficiary: 'assets' };
  return {
    async alertsOfRule(scope: string, ruleKind: 'deathInHousehold' | 'assetOnBeneficiary'): Promise<SupervisedAlert[]> {
      return (await repo.listAlerts(scope, { source: SOURCE_OF[ruleKind] }, 5000)).filter((a) => a.ruleKind === ruleKind).map(toSupervised);
    },
    async overdueAlerts(scope: string, today = shanghaiDate()): Promise<SupervisedAlert[]> {
      const open = await Promise.all((['open', 'assigned', 'visited'] as const).map((status) => repo.listAlerts(scope, { status }, 5000)));
      return open.flat().filter((a) => a.deadline < today).map(toSupervised);
    },
  };
}
export type MonitoringSupervisionReader = ReturnType<typeof supervisionReader>;
