import type { FlagKind } from '@dajiuzhu/shared';
import type { EntitlementReader } from '../../../applications/api';
import type { LedgerApi } from '../../../ledger/api';
import type { MonitoringApi } from '../../../monitoring/api';
import type { RecheckApi } from '../../../recheck/api';
import type { RelativeDoc } from '../../models/supervision';

/** A condition found by a scan: what becomes a flag (keyed by kind, subject and period). */
export interface FlagCandidate {
  kind: FlagKind;
  regionCode: string;
  period: string;
  subject: { kind: string; id: string; name: string; idNumberMasked: string; personKey: string };
  summary: string;
  facts: { label: string; value: string }[];
}

/** What a scan reads, each through its owner's API (never their collections). */
export interface ScanSources {
  entitlements: EntitlementReader;
  ledger: LedgerApi['supervision'];
  monitoring: MonitoringApi['supervision'];
  rechecks: Pick<RecheckApi, 'overdue'>;
  applicationsOfPerson: (blindIndex: string) => Promise<{ id: string; programme: string; status: string; regionCode: string; submittedOn: string; applicantName: string; idNumberMasked: string }[]>;
  relativesIn: (scope: string) => Promise<RelativeDoc[]>;
  today: string;
  month: string;
  paymentRunDay: number;
}

export type Detector = (scope: string, s: ScanSources) => Promise<FlagCandidate[]>;
