import { FLAG_KIND_LABELS, FLAG_STATUS_LABELS, maskName, regionName, type FlagView } from '@dajiuzhu/shared';
import type { FlagDoc } from '../models/supervision';

/** A flag as the desk shows it: names masked, never an ID number beyond its mask. */
export function toFlagView(f: FlagDoc, today: string): FlagView {
  return {
    id: f._id, kind: f.kind, kindName: FLAG_KIND_LABELS[f.kind], status: f.status, statusName: FLAG_STATUS_LABELS[f.status],
    regionCode: f.regionCode, regionName: regionName(f.regionCode), period: f.period,
    subject: { kind: f.subject.kind, id: f.subject.kind === 'disbursement' || f.subject.kind === 'entitlement' ? '' : f.subject.id, nameMasked: f.subject.name ? maskName(f.subject.name) : '', idNumberMasked: f.subject.idNumberMasked },
    summary: f.summary, facts: f.facts,
    owner: { level: f.ownerLevel, regionCode: f.ownerRegion, regionName: regionName(f.ownerRegion) },
    deadline: f.deadline, overdue: f.status === 'open' && f.deadline < today, raisedAt: f.raisedAt.toISOString(),
    resolution: f.resolution ? { action: f.resolution.action, note: f.resolution.note, at: new Date(f.resolution.at).toISOString() } : null,
  };
}
