import type { ApplicationsApi } from '../../applications/api';
import type { MonitoringRepository } from '../repository';
import type { StartOnBehalf } from './tasks';

/**
 * 纳入救助 → the person's application (docs/monitoring.md "The loop"): the applications domain's
 * `startOnBehalf`, prefilled from what the watch list holds about the person (name, ID number
 * encrypted, region, household size — the visit's observation first) and the alert's evidence and
 * the visit's findings as the reason. Keyed by alert and visitKey: a retried visit finds the same
 * application. The person's region is the alert's, so it appears in that township's queue.
 */
export function enrolStarter(deps: { repo: MonitoringRepository; applications: Pick<ApplicationsApi, 'startOnBehalf'> }): StartOnBehalf {
  return async (ctx, { alert, visit }) => {
    const person = await deps.repo.findPerson(alert.personKey);
    const consent = visit.outcome.consent!;
    const started = await deps.applications.startOnBehalf(ctx, {
      key: `monitoring:${alert._id}:${visit.visitKey}`,
      programme: visit.outcome.programme!,
      person: {
        idNumberBlindIndex: alert.personKey,
        name: person?.name || alert.subjectName,
        idNumberMasked: person?.idNumberMasked || alert.idNumberMasked,
        idNumberCipher: person?.idNumberCipher ?? '',
        regionCode: alert.regionCode,
        householdSize: visit.situation.householdSize ?? person?.householdSize ?? alert.householdSize,
      },
      consent: { signedName: consent.signedName, at: new Date(visit.visitedAt), ...(consent.signatureFileId ? { signatureFileId: consent.signatureFileId } : {}) },
      origin: { kind: 'monitoringAlert', id: alert._id },
      reason: `主动发现（预警）：${alert.evidence.summary}。入户核查：${visit.seen}`,
    });
    return started.applicationId;
  };
}
