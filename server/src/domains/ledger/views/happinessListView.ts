import type { PolicyStandards } from '@dajiuzhu/config';
import { formatYuanText, programmeInfo, programmeName, statementSummary, type HappinessListView } from '@dajiuzhu/shared';
import type { HappinessListDoc } from '../models/ledger';

type RateLike = { fen: number; per: string; atLeast?: boolean };
const PER: Record<string, string> = { month: '每人每月', year: '每人每年', winter: '每户每个冬季', schoolYear: '每人每学年' };
const VARIANT: Record<string, string> = { urban: '城市', rural: '农村', grade1to2: '一、二级', grade3to4: '三、四级', grade1: '一级', grade2: '二级', institutional: '机构养育', community: '社会散居' };

/**
 * "The standards that applied": the published rates of the programmes received, in plain words,
 * as in force on the last day of the statement's year — from the policy domain's standards, so a
 * period an admin added counts as soon as it is in force.
 */
export function standardsApplied(policy: PolicyStandards, regionCode: string, year: number, programmes: string[]) {
  const s = policy.standardsFor(regionCode, `${year}-12-31`);
  if (!s) return [];
  const out: { programme: string; label: string; text: string }[] = [];
  const rates = s.rates as Record<string, unknown>;
  for (const code of programmes) {
    const r = rates[code];
    if (!r || typeof r !== 'object') continue;
    const entries: [string, RateLike][] = 'fen' in (r as object) ? [['', r as RateLike]] : Object.entries(r as Record<string, RateLike>).filter(([, v]) => v && typeof v === 'object' && 'fen' in v);
    for (const [variant, rate] of entries) {
      out.push({ programme: code, label: `${s.regionName} ${VARIANT[variant] ?? ''}${programmeInfo(code).standardName ?? `${programmeName(code)}标准`}`, text: `${PER[rate.per] ?? ''}${rate.atLeast ? '不低于 ' : ' '}${formatYuanText(rate.fen)}（自 ${s.effectiveFrom} 起执行）` });
    }
  }
  return out;
}

/** A statement as its reader sees it; `published` is false for a staff preview of one not yet published. */
export function toHappinessListView(doc: HappinessListDoc, policy: PolicyStandards, published = true): HappinessListView {
  const b = doc.body;
  return {
    year: doc.year, version: doc.version, publishedAt: new Date(doc.publishedAt).toISOString(),
    beneficiary: { nameMasked: doc.nameMasked, idNumberMasked: doc.idNumberMasked, regionCode: doc.regionCode },
    summary: statementSummary(b), programmes: b.programmes, otherHelp: b.otherHelp, monthlyTotals: b.monthlyTotals, grandTotalFen: b.grandTotalFen,
    standards: standardsApplied(policy, doc.regionCode, doc.year, b.programmes.map((p) => p.programme)),
    changes: doc.changes, published,
  };
}
