import type { PolicyStandards } from '@dajiuzhu/config';
import { assembleStatement, maskName, shanghaiYear, type HappinessListView } from '@dajiuzhu/shared';
import type { HappinessListDoc } from '../models/ledger';
import { listId, type LedgerRepository } from '../repository';
import { toHappinessListView } from '../views/happinessListView';
import type { ProfileService } from '../../../core/identity/profileService';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';
import { staffCovers, staffScopeOf } from '../../../core/scope/staffScope';
import type { IdentityLinks, OwnStatement } from './ownStatement';

/**
 * Reading statements: one's own (years, notices, the statement, its PDF), found by the reader's
 * verified identity only; and, for staff, a person's in their region — also only through that
 * account's verified identity (an unverified account is linked to nobody: LEDGER_PERSON_UNVERIFIED).
 */
export function happinessReading(deps: {
  repo: LedgerRepository; own: OwnStatement; profiles: Pick<ProfileService, 'findById'>; identity: IdentityLinks; audit: AuditService;
  /** The standards in force now, admin-added periods included (the policy domain's api). */
  policy: () => PolicyStandards; now: () => Date;
}) {
  const { repo, own } = deps;
  const view = (doc: HappinessListDoc, published = true) => toHappinessListView(doc, deps.policy(), published);

  return {
    async mine(ctx: ActionContext, year: number): Promise<HappinessListView> {
      return view((await own.listOf(ctx, year)).doc);
    },

    /** The years with a published statement for the signed-in person (newest first, at most 10 `_id` reads). */
    async myYears(ctx: ActionContext) {
      const key = await own.keyOf(ctx);
      const thisYear = shanghaiYear(deps.now());
      const docs = await Promise.all(Array.from({ length: 10 }, (_, i) => repo.findList(listId(key, thisYear - i))));
      return { years: docs.filter((d): d is HappinessListDoc => !!d).map((d) => ({ year: d.year, version: d.version })) };
    },

    async notices(ctx: ActionContext) {
      const docs = await repo.noticesOf(await own.keyOf(ctx), 20);
      return { notices: docs.map((n) => ({ id: n._id.split(':').slice(1).join(':'), year: n.year, version: n.version, text: n.text, createdAt: new Date(n.createdAt).toISOString() })) };
    },

    /** Staff read of a person's statement, inside their region only (404 otherwise, to anyone else too), audited. Before publishing: a preview. */
    async forStaff(ctx: ActionContext, userId: string, year: number): Promise<HappinessListView> {
      if (userId === ctx.actor._id) return view((await own.listOf(ctx, year)).doc);
      const profile = await deps.profiles.findById(userId);
      if (!profile || !staffCovers(ctx.actor, profile.regionCode)) throw new AppError('NOT_FOUND');
      // The account's verified number, never its claim: a stranger's claim must not show staff the real person's statement as theirs.
      const key = await deps.identity.verifiedBlindIndexOf(userId);
      if (!key) throw new AppError('LEDGER_PERSON_UNVERIFIED');
      let doc = await repo.findList(listId(key, year));
      const published = !!doc;
      if (!doc) {
        const body = assembleStatement(year, await repo.disbursementsOf(key, year));
        doc = { _id: listId(key, year), beneficiaryKey: key, year, version: 1, regionCode: profile.regionCode, nameMasked: maskName(profile.name), idNumberMasked: profile.idNumberMasked, fingerprint: '', body, changes: [], jobId: '', publishedAt: deps.now() };
      }
      await deps.audit.record({ actorId: ctx.actor._id, action: 'happinessList.read', subjectId: userId, requestId: ctx.requestId, details: { year, published, staffRegion: staffScopeOf(ctx.actor)!.regionCode } });
      return view(doc, published);
    },

    async listForPdf(ctx: ActionContext, year: number): Promise<HappinessListView> {
      return view((await own.listOf(ctx, year)).doc);
    },
  };
}
