import { createHash } from 'node:crypto';
import {
  maskName, programmeName, shanghaiDate, shanghaiMonth, shanghaiYear,
  type ChangeReportBody, type ChangeReportView, type ConfirmationBody, type ConfirmationView, type HouseholdView,
} from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import type { EntitlementRecord } from '../../applications/api';
import type { ChangeReportDoc, ConfirmationDoc } from '../models/recheck';
import type { Actor, RecheckDeps } from './deps';
import type { RecheckOpener } from './opening';
import type { DeathHandler } from './deaths';

export type Relation = 'person' | 'helper';

/**
 * The household's side (家庭变化申报, 年度确认): the person — recognised only by their verified
 * identity — or the helper who filed their case. Anyone else asking about a household gets 404, as
 * if it did not exist. A change report opens (or joins) a recheck; a report that the person died
 * also holds payment at once.
 */
export function householdService(deps: RecheckDeps & { opener: RecheckOpener; deaths: DeathHandler }) {
  const { repo } = deps;
  const by = (ctx: ActionContext): Actor => ({ actorId: ctx.actor._id, requestId: ctx.requestId });

  /** Every entitlement the caller may act for, with how they stand to it. */
  async function mine(ctx: ActionContext): Promise<{ e: EntitlementRecord; relation: Relation }[]> {
    const blind = await deps.verifiedBlindIndexOf(ctx.actor._id);
    const own = blind ? await deps.applications.entitlementsOf(blind) : [];
    const helped = (await deps.applications.entitlementsFiledBy(ctx.actor._id)).filter((h) => !own.some((o) => o.id === h.id) && h.beneficiary.idNumberBlindIndex !== blind);
    return [...own.map((e) => ({ e, relation: 'person' as const })), ...helped.map((e) => ({ e, relation: 'helper' as const }))];
  }

  async function accessible(ctx: ActionContext, entitlementId: string) {
    const found = (await mine(ctx)).find((m) => m.e.id === entitlementId);
    if (!found) throw new AppError('RECHECK_ENTITLEMENT_NOT_FOUND');
    return found;
  }

  const yearOf = () => shanghaiYear(deps.now());
  const window = (year: number) => ({ opensOn: `${year}-${deps.cfg.yearlyConfirmation.opensOn}`, dueOn: `${year}-${deps.cfg.yearlyConfirmation.dueOn}` });
  /** A confirmation is asked of a monthly entitlement paid since before this year, while it runs. */
  const needsConfirmation = (e: EntitlementRecord, year: number) => e.payment === 'monthly' && e.status === 'active' && e.startMonth < `${year}-01`;

  function reportView(r: ChangeReportDoc): ChangeReportView {
    return {
      id: r._id, entitlementId: r.entitlementId, programmeName: programmeName(r.programme), kind: r.kind as ChangeReportView['kind'], text: r.text, happenedOn: r.happenedOn,
      reportedAt: r.createdAt.toISOString(), byHelper: r.byHelper, recheckId: r.recheckId, recheckDeadline: r.recheckDeadline,
    };
  }

  return {
    mine,
    needsConfirmation,
    window,

    async households(ctx: ActionContext): Promise<HouseholdView[]> {
      const year = yearOf();
      const list = await mine(ctx);
      const confirmed = new Set((await repo.findConfirmations(list.map((m) => `${m.e.id}:${year}`))).map((c) => c.entitlementId));
      const day = shanghaiDate(deps.now());
      return list.map(({ e, relation }) => ({
        entitlementId: e.id, programme: e.programme, programmeName: programmeName(e.programme), beneficiaryNameMasked: maskName(e.beneficiary.name), relation,
        monthlyAmountFen: e.monthlyAmountFen, status: e.status, endFromMonth: e.terms.endFromMonth,
        confirmationYear: year, confirmationOpen: needsConfirmation(e, year) && day >= window(year).opensOn, confirmedThisYear: confirmed.has(e.id), confirmationDueOn: window(year).dueOn,
      }));
    },

    async reportChange(ctx: ActionContext, body: ChangeReportBody): Promise<ChangeReportView> {
      const { e, relation } = await accessible(ctx, body.entitlementId);
      const id = `cr_${createHash('sha256').update(`${ctx.actor._id}|${body.requestKey}`).digest('base64url').slice(0, 24)}`;
      const doc: ChangeReportDoc = {
        _id: id, entitlementId: e.id, programme: e.programme, regionCode: e.regionCode, kind: body.kind, text: body.text, happenedOn: body.happenedOn,
        reportedBy: ctx.actor._id, byHelper: relation === 'helper', recheckId: null, recheckDeadline: null, createdAt: deps.now(),
      };
      if (await repo.createChangeReport(doc)) {
        await deps.audit.record({ actorId: ctx.actor._id, action: 'recheck.changeReport', requestId: ctx.requestId, subjectId: e.beneficiary.userId ?? `entitlement:${e.id}`, details: { reportId: id, entitlementId: e.id, kind: body.kind, byHelper: relation === 'helper' } });
      }
      const stored = (await repo.findChangeReport(id))!;
      if (stored.entitlementId !== e.id) throw new AppError('RECHECK_CHANGE_KEY_REUSED');
      if (stored.recheckId) return reportView(stored);
      // (Re)done until recorded: a retry after a stop half-way opens the same recheck (its id is the report's).
      let opened;
      if (stored.kind === 'beneficiaryDied') {
        opened = (await deps.deaths.recordDeath(by(ctx), { blindIndex: e.beneficiary.idNumberBlindIndex, date: stored.happenedOn, reference: id, source: '家庭变化申报' })).rechecks.find((o) => o.entitlementId === e.id);
      } else {
        const trigger = stored.kind === 'memberDied' ? 'death' : 'changeReport';
        opened = { ...(await deps.opener.openFor(by(ctx), e, { trigger, key: id, reason: `${stored.happenedOn} ${stored.text}` })), entitlementId: e.id };
      }
      if (opened) await repo.setChangeReport(id, { recheckId: opened.id, recheckDeadline: opened.deadline });
      return reportView({ ...stored, recheckId: opened?.id ?? null, recheckDeadline: opened?.deadline ?? null });
    },

    async myReports(ctx: ActionContext): Promise<ChangeReportView[]> {
      return (await repo.listChangeReportsBy(ctx.actor._id)).map(reportView);
    },

    /** "Still here, still the same": once a year per entitlement; a second confirmation answers the first. */
    async confirm(ctx: ActionContext, body: ConfirmationBody): Promise<ConfirmationView> {
      const { e, relation } = await accessible(ctx, body.entitlementId);
      const year = yearOf();
      if (!needsConfirmation(e, year) || shanghaiDate(deps.now()) < window(year).opensOn) throw new AppError('RECHECK_CONFIRMATION_CLOSED');
      const doc: ConfirmationDoc = { _id: `${e.id}:${year}`, entitlementId: e.id, year, by: ctx.actor._id, byHelper: relation === 'helper', regionCode: e.regionCode, at: deps.now() };
      if (await repo.createConfirmation(doc)) {
        await deps.audit.record({ actorId: ctx.actor._id, action: 'recheck.confirm', requestId: ctx.requestId, subjectId: e.beneficiary.userId ?? `entitlement:${e.id}`, details: { entitlementId: e.id, year, byHelper: relation === 'helper' } });
      }
      const c = (await repo.findConfirmation(doc._id))!;
      return { entitlementId: c.entitlementId, year: c.year, confirmedAt: c.at.toISOString(), byHelper: c.byHelper };
    },

    /** After the window's due day: each entitlement still unconfirmed gets a recheck (never a stop). */
    async openForMissingConfirmations(): Promise<number> {
      const year = yearOf();
      if (shanghaiDate(deps.now()) <= window(year).dueOn) return 0;
      let opened = 0;
      let batch: EntitlementRecord[] = [];
      const flush = async () => {
        const done = new Set((await repo.findConfirmations(batch.map((e) => `${e.id}:${year}`))).map((c) => c.entitlementId));
        for (const e of batch) {
          if (done.has(e.id)) continue;
          const o = await deps.opener.openFor({ actorId: 'system:recheck', requestId: 'job:recheck.confirmations' }, e, { trigger: 'missingConfirmation', key: String(year), reason: `${year}年度确认未在${window(year).dueOn}前完成` });
          if (o.created) opened++;
        }
        batch = [];
      };
      for await (const e of deps.applications.entitlements.inRegion('', { activeOnly: true })) {
        if (!needsConfirmation(e, year) || e.startMonth > shanghaiMonth(deps.now())) continue;
        batch.push(e);
        if (batch.length >= 500) await flush();
      }
      if (batch.length) await flush();
      return opened;
    },
  };
}
export type HouseholdService = ReturnType<typeof householdService>;
