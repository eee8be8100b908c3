import { randomUUID } from 'node:crypto';
import {
  allowedWishActions,
  charCount,
  communityNameOf,
  findPersonalData,
  formatPrice,
  isPublicStatus,
  publicWishView,
  REGION_NAMES,
  districtNameOf,
  regionCovers,
  regionPrefix,
  ageBand,
  ageOn,
  maskName,
  shanghaiDate,
  wishActionProblem,
  WISH_CATEGORIES,
  type CreateWishBody,
  type EditWishBody,
  type MyWish,
  type PublicWish,
  type StaffWish,
  type StaffWishSummary,
  type StaffWishNumbers,
  type WishAction,
  type WishCounts,
  type WishFacts,
  type WishListQuery,
  type WishNumbers,
  type WishRules,
  type WishViewer,
  type WishCategoryName,
} from '@dajiuzhu/shared';
import { budgetCapFor, type WishConfig } from '@dajiuzhu/config/src/wishes';
import { AppError } from '../../../core/errors/AppError';
import { CONTENT_LABELS, type ContentCheckClient } from '../../../core/adapters/wechat/contentCheck';
import type { WishClaimDoc, WishDoc, WishEventDoc } from '../models/wish';
import type { WishRepository } from '../repository';
import type { ProfileService } from '../../../core/identity/profileService';
import type { FileService } from '../../../core/files/fileService';
import type { AuditService } from '../../../core/audit/auditService';
import type { PiiCipher } from '../../../core/crypto/pii';
import type { ActionContext } from '../../../core/context';
import type { WishStore } from './wishStore';

export interface WishDeps {
  repo: WishRepository;
  store: WishStore;
  config: WishConfig;
  profiles: Pick<ProfileService, 'findById'>;
  files: Pick<FileService, 'assertOwned' | 'readPublic'>;
  contentCheck: ContentCheckClient;
  pii: PiiCipher;
  audit: AuditService;
}

export function viewerOf(ctx: ActionContext): WishViewer {
  return { userId: ctx.actor._id, roles: ctx.actor.roles, staffRegionCode: ctx.actor.staff?.regionCode ?? null };
}

export function factsOf(w: WishDoc): WishFacts {
  return { status: w.status, regionCode: w.regionCode, beneficiaryId: w.beneficiaryId, claimDonorId: w.activeClaimId ? w.claimDonorId : null, thanked: w.thanks !== null };
}

/** Throws the machine's reason when `viewer` may not do `action` now. */
export function assertAllowed(w: WishDoc, action: WishAction, viewer: WishViewer) {
  const problem = wishActionProblem(factsOf(w), action, viewer);
  if (problem) throw new AppError(problem);
}

export function toPublic(w: WishDoc): PublicWish {
  return publicWishView({ ...w, id: w._id, publishedAt: w.publishedAt ?? w.createdAt }, shanghaiDate());
}

const FIELD_LABELS: Record<string, string> = { title: '心愿标题', story: '心愿故事', note: '送达说明', message: '感谢留言' };

function emptyCounts(): WishCounts {
  return { collected: 0, open: 0, claimed: 0, fulfilled: 0, lapsed: 0 };
}
function addStatus(c: WishCounts, status: string, n: number) {
  if (status === 'open') c.open += n;
  if (status === 'claimed' || status === 'delivered') c.claimed += n;
  if (status === 'fulfilled') c.fulfilled += n;
  if (isPublicStatus(status as WishDoc['status'])) c.collected += n;
}

export function wishService(deps: WishDeps) {
  const { repo, store, config } = deps;

  /** Text checks: nothing personal, then WeChat's content security. Returns 'review' when WeChat suggests a human look. */
  async function checkText(ctx: ActionContext, fields: Record<string, string>, scene: 1 | 2 | 3 | 4): Promise<'pass' | 'review'> {
    for (const [field, text] of Object.entries(fields)) {
      if (findPersonalData(text)) {
        throw new AppError('WISH_CONTENT_REJECTED', {
          message: `「${FIELD_LABELS[field] ?? field}」里不要写手机号、身份证号或门牌号（这些信息不会公开），请删除后再提交`,
          details: { fields: [{ path: `/${field}`, rule: 'personalData' }] },
        });
      }
    }
    let flag: 'pass' | 'review' = 'pass';
    const openid = (await repo.openidOf(ctx.actor._id)) ?? ctx.actor._id;
    for (const [field, text] of Object.entries(fields)) {
      const v = await deps.contentCheck.checkText({ content: text, openid, scene });
      if (v.verdict === 'risky') {
        throw new AppError('WISH_CONTENT_REJECTED', {
          message: `「${FIELD_LABELS[field] ?? field}」含有不宜公开的内容（${CONTENT_LABELS[v.label] ?? '其他'}），请修改这部分文字后再提交`,
          details: { fields: [{ path: `/${field}`, rule: 'contentRisky', label: v.label }] },
        });
      }
      if (v.verdict === 'review') flag = 'review';
    }
    return flag;
  }

  /** Photos: the caller's own uploads of the right purpose, real images, passing the image check. */
  async function checkPhotos(ctx: ActionContext, fileIds: readonly string[], purpose: 'wishPhoto' | 'deliveryPhoto'): Promise<'pass' | 'review'> {
    let flag: 'pass' | 'review' = 'pass';
    for (const [i, id] of fileIds.entries()) {
      const file = await deps.files.assertOwned(ctx, id, purpose).catch(() => null);
      if (!file || !file.contentType.startsWith('image/')) {
        throw new AppError('WISH_PHOTO_INVALID', { details: { fields: [{ path: `/photoFileIds/${i}`, rule: 'photo' }] } });
      }
      const read = await deps.files.readPublic(id);
      if (!read) throw new AppError('WISH_PHOTO_INVALID');
      const v = await deps.contentCheck.checkImage({ data: read.data, contentType: file.contentType, fileName: file.name });
      if (v.verdict === 'risky') {
        throw new AppError('WISH_CONTENT_REJECTED', { message: `第${i + 1}张照片未通过安全检测，请换一张只拍物品的照片`, details: { fields: [{ path: `/photoFileIds/${i}`, rule: 'contentRisky' }] } });
      }
      if (v.verdict === 'review') flag = 'review';
    }
    return flag;
  }

  function checkLimits(regionCode: string, input: { title?: string; story?: string; budgetFen?: number }) {
    if (input.title !== undefined && !input.title) throw new AppError('WISH_EMPTY', { details: { fields: [{ path: '/title', rule: 'empty' }] } });
    if (input.story !== undefined && !input.story) throw new AppError('WISH_EMPTY', { details: { fields: [{ path: '/story', rule: 'empty' }] } });
    if (input.story !== undefined && charCount(input.story) > config.storyMaxChars) {
      throw new AppError('WISH_STORY_TOO_LONG', { message: `心愿故事最多${config.storyMaxChars}个字，现在是${charCount(input.story)}个字，请精简后再提交`, details: { fields: [{ path: '/story', rule: 'maxChars', max: config.storyMaxChars }] } });
    }
    const cap = budgetCapFor(config, regionCode);
    if (input.budgetFen !== undefined && input.budgetFen > cap) {
      throw new AppError('WISH_OVER_BUDGET', { message: `心愿预算不能超过${formatPrice(cap)}（本地上限），请调低预算`, details: { fields: [{ path: '/budgetFen', rule: 'budgetCap', max: cap }] } });
    }
  }

  function toMine(w: WishDoc, viewer: WishViewer): MyWish {
    return {
      id: w._id,
      title: w.title,
      category: w.category,
      story: w.story,
      budgetFen: w.budgetFen,
      status: w.status,
      delivery: w.delivery,
      photoFileIds: w.photoFileIds,
      postedOnBehalf: w.onBehalf,
      reviewNote: w.reviewNote,
      rejectReason: w.rejectReason,
      donorName: w.donorName,
      deliverNote: w.deliverNote,
      thanks: w.thanks,
      actions: allowedWishActions(factsOf(w), viewer),
      createdAt: w.createdAt.toISOString(),
      updatedAt: w.updatedAt.toISOString(),
    };
  }

  async function donorContact(ctx: ActionContext, donorId: string, wishId: string): Promise<string | null> {
    const c = await repo.findContact(donorId);
    if (!c) return null;
    await deps.audit.record({ actorId: ctx.actor._id, action: 'person.read', subjectId: donorId, requestId: ctx.requestId, details: { fields: 'donorContact', wishId } });
    return deps.pii.decrypt(c.contactCipher);
  }

  /** Lists and review answers: the person's name masked, no ids of the person (nothing to audit). */
  function toStaff(w: WishDoc, viewer: WishViewer, extra: { claim: WishClaimDoc | null; contact: string | null; events: WishEventDoc[] }): StaffWishSummary {
    const c = extra.claim;
    return {
      id: w._id,
      title: w.title,
      category: w.category,
      story: w.story,
      budgetFen: w.budgetFen,
      budgetCapFen: budgetCapFor(config, w.regionCode),
      status: w.status,
      delivery: w.delivery,
      regionCode: w.regionCode,
      community: communityNameOf(w.regionCode),
      maskedName: maskName(w.beneficiaryName),
      ageBand: ageBand(ageOn(w.birthDate, shanghaiDate())),
      postedOnBehalf: w.onBehalf,
      photoFileIds: w.photoFileIds,
      contentFlag: w.contentFlag,
      reviewNote: w.reviewNote,
      rejectReason: w.rejectReason,
      claim: c
        ? { id: c._id, status: c.status, donorName: c.donorName, donorKind: c.donorKind, donorContact: extra.contact, claimedAt: c.claimedAt.toISOString(), dueAt: c.dueAt.toISOString(), deliverNote: c.deliverNote }
        : null,
      thanks: w.thanks,
      events: extra.events.map((e) => ({ sequence: e.sequence, type: e.type, actorRole: e.actorRole, at: e.at.toISOString(), ...(e.note ? { note: e.note } : {}) })),
      actions: allowedWishActions(factsOf(w), viewer),
      createdAt: w.createdAt.toISOString(),
    };
  }

  async function loadForStaff(ctx: ActionContext, id: string): Promise<WishDoc> {
    const w = await store.load(id);
    const scope = ctx.actor.staff?.regionCode;
    if (!w || !scope || !regionCovers(scope, w.regionCode)) throw new AppError('NOT_FOUND');
    return w;
  }

  async function review(ctx: ActionContext, id: string, action: 'approve' | 'edit' | 'reject', change: Partial<WishDoc>, note: string | null) {
    const w = await store.load(id);
    if (!w) throw new AppError('NOT_FOUND');
    assertAllowed(w, action, viewerOf(ctx));
    const type = action === 'approve' ? 'approved' : action === 'edit' ? 'edited' : 'rejected';
    await store.commit(ctx, w, { type, actorRole: 'staff', note, wishSet: change });
    // The answer is the summary (masked name, no donor contact): a review is not a read of the person.
    const after = await loadForStaff(ctx, id);
    return toStaff(after, viewerOf(ctx), { claim: null, contact: null, events: await repo.events(after._id) });
  }

  /** The detail: the person's full name (audited as person.read of the person) and the donor's contact (audited too). */
  async function staffView(ctx: ActionContext, id: string): Promise<StaffWish> {
    const w = await loadForStaff(ctx, id);
    const claim = w.activeClaimId ? await repo.findClaim(w.activeClaimId) : null;
    const contact = claim ? await donorContact(ctx, claim.donorId, w._id) : null;
    await deps.audit.record({ actorId: ctx.actor._id, action: 'person.read', subjectId: w.beneficiaryId, requestId: ctx.requestId, details: { fields: 'beneficiaryName', wishId: w._id } });
    return { ...toStaff(w, viewerOf(ctx), { claim, contact, events: await repo.events(w._id) }), beneficiaryName: w.beneficiaryName };
  }

  function countsFrom(rows: { _id: { status: string }; n: number }[], lapsed: number): WishCounts {
    const c = emptyCounts();
    for (const r of rows) addStatus(c, r._id.status, r.n);
    c.lapsed = lapsed;
    return c;
  }

  return {
    rules(regionCode?: string): WishRules {
      return { budgetCapFen: regionCode ? budgetCapFor(config, regionCode) : config.budgetCapFen, storyMaxChars: config.storyMaxChars, maxActiveClaims: config.maxActiveClaims, lapseDays: config.lapseDays };
    },

    /** A person posts a wish; staff may post for a person of their region (recorded as such). Always reviewed. */
    async post(ctx: ActionContext, body: CreateWishBody): Promise<MyWish> {
      const viewer = viewerOf(ctx);
      const onBehalf = !!body.beneficiaryId && body.beneficiaryId !== ctx.actor._id;
      if (onBehalf && !ctx.actor.roles.includes('staff')) throw new AppError('FORBIDDEN', { message: '只有工作人员可以代他人发布心愿' });
      const beneficiaryId = onBehalf ? body.beneficiaryId! : ctx.actor._id;
      const profile = await deps.profiles.findById(beneficiaryId);
      if (onBehalf && (!profile || !ctx.actor.staff || !regionCovers(ctx.actor.staff.regionCode, profile.regionCode))) throw new AppError('NOT_FOUND', { message: '辖区内未找到该居民的实名信息' });
      if (!profile) throw new AppError('WISH_PROFILE_REQUIRED');
      const title = body.title.trim();
      const story = body.story.trim();
      checkLimits(profile.regionCode, { title, story, budgetFen: body.budgetFen });
      const photoFileIds = body.photoFileIds ?? [];
      const textFlag = await checkText(ctx, { title, story }, 3);
      const photoFlag = await checkPhotos(ctx, photoFileIds, 'wishPhoto');
      const now = new Date();
      const wish: WishDoc = {
        _id: randomUUID(),
        seq: 1,
        status: 'pendingReview',
        regionCode: profile.regionCode,
        beneficiaryId,
        beneficiaryName: profile.name,
        birthDate: profile.birthDate,
        postedBy: ctx.actor._id,
        onBehalf,
        category: body.category,
        title,
        story,
        budgetFen: body.budgetFen,
        photoFileIds,
        delivery: body.delivery ?? 'communityOffice',
        contentFlag: textFlag === 'review' || photoFlag === 'review' ? 'review' : 'pass',
        reviewNote: null,
        rejectReason: null,
        publishedAt: null,
        activeClaimId: null,
        claimDonorId: null,
        donorName: null,
        deliverNote: null,
        fulfilledAt: null,
        thanks: null,
        createdAt: now,
        updatedAt: now,
      };
      await repo.insertWish(wish);
      await repo.insertEvent({
        _id: `${wish._id}:000001`, wishId: wish._id, sequence: 1, type: 'posted', actorId: ctx.actor._id, actorRole: onBehalf ? 'staff' : 'beneficiary',
        at: now, requestId: ctx.requestId, note: onBehalf ? '工作人员代为发布' : null, claimId: null, wishSet: {}, claimSet: null, freesClaim: false,
      });
      return toMine(wish, onBehalf ? { ...viewer, userId: beneficiaryId } : viewer);
    },

    async mine(ctx: ActionContext): Promise<MyWish[]> {
      const viewer = viewerOf(ctx);
      return (await repo.byBeneficiary(ctx.actor._id)).map((w) => toMine(w, viewer));
    },

    async list(q: WishListQuery): Promise<{ wishes: PublicWish[]; total: number }> {
      const status = q.status ?? 'open';
      const statuses = status === 'all' ? ['open', 'claimed', 'delivered', 'fulfilled'] : status === 'claimed' ? ['claimed', 'delivered'] : [status];
      const { wishes, total } = await repo.listPublic({ statuses, regionCode: q.regionCode, category: q.category, minBudgetFen: q.minBudgetFen, maxBudgetFen: q.maxBudgetFen, sort: q.sort ?? 'newest', limit: q.limit ?? 20, offset: q.offset ?? 0 });
      return { wishes: wishes.map(toPublic), total };
    },

    /** Approved wishes only; anything else does not exist for the public. */
    async publicOne(id: string): Promise<PublicWish> {
      const w = await store.load(id);
      if (!w || !isPublicStatus(w.status)) throw new AppError('NOT_FOUND');
      return toPublic(w);
    },

    /** A wish photo: for anyone once the wish is approved; for the person and region staff before. */
    async photo(ctx: ActionContext | null, id: string, fileId: string) {
      const w = await store.load(id);
      if (!w || !w.photoFileIds.includes(fileId)) throw new AppError('NOT_FOUND');
      const privileged = !!ctx && (ctx.actor._id === w.beneficiaryId || (!!ctx.actor.staff && ctx.actor.roles.includes('staff') && regionCovers(ctx.actor.staff.regionCode, w.regionCode)));
      if (!isPublicStatus(w.status) && !privileged) throw new AppError('NOT_FOUND');
      const file = await deps.files.readPublic(fileId);
      if (!file) throw new AppError('NOT_FOUND');
      return { contentType: file.doc.contentType, data: file.data, isPublic: isPublicStatus(w.status) };
    },

    staffView,

    async staffList(ctx: ActionContext, status: WishDoc['status'] | undefined, limit: number): Promise<StaffWishSummary[]> {
      const scope = ctx.actor.staff?.regionCode;
      if (!scope) throw new AppError('FORBIDDEN');
      const viewer = viewerOf(ctx);
      // The list shows the person's name masked and no donor contact: the full name and the contact
      // are read, and audited, one wish at a time (staffView).
      const wishes = await repo.inRegion(regionPrefix(scope), status, limit);
      const out: StaffWishSummary[] = [];
      for (const w of wishes) {
        if (!regionCovers(scope, w.regionCode)) continue;
        const claim = w.activeClaimId ? await repo.findClaim(w.activeClaimId) : null;
        out.push(toStaff(w, viewer, { claim, contact: null, events: [] }));
      }
      return out;
    },

    approve: (ctx: ActionContext, id: string, note?: string) =>
      review(ctx, id, 'approve', { status: 'open', publishedAt: new Date(), reviewNote: note?.trim() || null }, note?.trim() || null),

    async edit(ctx: ActionContext, id: string, body: EditWishBody) {
      const w = await loadForStaff(ctx, id);
      assertAllowed(w, 'edit', viewerOf(ctx));
      const change: Partial<WishDoc> = {};
      if (body.title !== undefined) change.title = body.title.trim();
      if (body.story !== undefined) change.story = body.story.trim();
      if (body.category !== undefined) change.category = body.category;
      if (body.budgetFen !== undefined) change.budgetFen = body.budgetFen;
      checkLimits(w.regionCode, change);
      const note = body.note.trim();
      if (!note) throw new AppError('VALIDATION_FAILED', { message: '请写明修改说明', details: { fields: [{ path: '/note', rule: 'empty' }] } });
      // Edited text becomes public at once: the same checks as posting (personal data, then WeChat's
      // content security) on whatever changed.
      const changedText: Record<string, string> = {};
      if (change.title !== undefined && change.title !== w.title) changedText.title = change.title;
      if (change.story !== undefined && change.story !== w.story) changedText.story = change.story;
      if (Object.keys(changedText).length > 0 && (await checkText(ctx, changedText, 3)) === 'review') change.contentFlag = 'review';
      return review(ctx, id, 'edit', { ...change, status: 'open', publishedAt: new Date(), reviewNote: note }, note);
    },

    async reject(ctx: ActionContext, id: string, reason: string) {
      const r = reason.trim();
      if (!r) throw new AppError('VALIDATION_FAILED', { message: '请写明不通过的原因', details: { fields: [{ path: '/reason', rule: 'empty' }] } });
      return review(ctx, id, 'reject', { status: 'rejected', rejectReason: r }, r);
    },

    async publicNumbers(regionCode: string): Promise<WishNumbers> {
      const prefix = regionPrefix(regionCode);
      const [rows, lapsed] = await Promise.all([repo.wishCounts(prefix), repo.lapsedCounts(prefix)]);
      const inRegion = rows.filter((r) => regionCovers(regionCode, r._id.regionCode));
      const lapsedN = lapsed.filter((r) => regionCovers(regionCode, r._id.regionCode)).reduce((s, r) => s + r.n, 0);
      return { regionCode, regionName: REGION_NAMES[regionCode] ?? districtNameOf(regionCode), counts: countsFrom(inRegion, lapsedN) };
    },

    async staffNumbers(ctx: ActionContext): Promise<StaffWishNumbers> {
      const scope = ctx.actor.staff?.regionCode;
      if (!scope) throw new AppError('FORBIDDEN');
      const prefix = regionPrefix(scope);
      const rows = (await repo.wishCounts(prefix)).filter((r) => regionCovers(scope, r._id.regionCode));
      const lapsed = (await repo.lapsedCounts(prefix)).filter((r) => regionCovers(scope, r._id.regionCode));
      const total = countsFrom(rows, lapsed.reduce((s, r) => s + r.n, 0));
      const communities = [...new Set(rows.map((r) => r._id.regionCode))].sort();
      return {
        regionCode: scope,
        counts: total,
        pendingReview: rows.filter((r) => r._id.status === 'pendingReview').reduce((s, r) => s + r.n, 0),
        byCommunity: communities.map((code) => ({
          regionCode: code,
          name: communityNameOf(code),
          counts: countsFrom(rows.filter((r) => r._id.regionCode === code), lapsed.filter((r) => r._id.regionCode === code).reduce((s, r) => s + r.n, 0)),
        })),
        byCategory: (WISH_CATEGORIES as readonly WishCategoryName[]).map((category) => ({
          category,
          counts: countsFrom(rows.filter((r) => r._id.category === category), lapsed.filter((r) => r._id.category === category).reduce((s, r) => s + r.n, 0)),
        })),
      };
    },

    checkText,
    checkPhotos,
    donorContact,
  };
}
export type WishService = ReturnType<typeof wishService>;
