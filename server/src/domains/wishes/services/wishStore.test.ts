import type { ClaimStatusName } from '@dajiuzhu/shared';
import { eventId } from '../../../core/db/eventLog';
import type { WishClaimDoc, WishDoc, WishEventDoc } from '../models/wish';
import type { WishRepository } from '../repository';
import { applyWishEvent, wishStore } from './wishStore';

/**
 * The wish's event log against an in-memory repository with the database's conditional writes:
 * a pending event is applied by the very next reader (no waiting), and applying an event is
 * idempotent — twice, at the same time, or late after a later event.
 */
function memoryRepo() {
  const now = new Date('2025-03-01T00:00:00Z');
  const wishes = new Map<string, WishDoc>([['w1', {
    _id: 'w1', seq: 2, status: 'open', regionCode: '371402001001', beneficiaryId: 'ben', beneficiaryKey: '', beneficiaryName: '王建国', birthDate: '1952-03-01',
    postedBy: 'ben', onBehalf: false, category: 'health', title: '一台助听器', story: '想要一台助听器。', budgetFen: 1000, photoFileIds: [], deliveryPhotoFileIds: [], removedPhotos: [],
    delivery: 'communityOffice', contentFlag: 'pass', reviewNote: null, rejectReason: null, publishedAt: now, activeClaimId: null, claimDonorId: null,
    donorName: null, deliverNote: null, fulfilledAt: null, thanks: null, createdAt: now, updatedAt: now,
  }]]);
  const claims = new Map<string, WishClaimDoc>();
  const events = new Map<string, WishEventDoc>();
  const locks = new Map<string, string>();
  const slots = new Map<string, string>();
  const tick = () => new Promise((r) => setImmediate(r));
  const repo = {
    findWish: async (id: string) => { await tick(); const w = wishes.get(id); return w ? { ...w } : null; },
    async setWish(id: string, sequence: number, set: Record<string, unknown>) { await tick(); const w = wishes.get(id); if (w && w.seq < sequence) wishes.set(id, { ...w, ...set, seq: sequence }); },
    findClaim: async (id: string) => { await tick(); const c = claims.get(id); return c ? { ...c } : null; },
    async createClaim(doc: WishClaimDoc) { await tick(); if (claims.has(doc._id)) return false; claims.set(doc._id, { ...doc }); return true; },
    async advanceClaim(id: string, from: readonly ClaimStatusName[], set: Record<string, unknown>) { await tick(); const c = claims.get(id); if (c && from.includes(c.status)) claims.set(id, { ...c, ...set }); },
    async freeLock(wishId: string, claimId: string) { await tick(); if (locks.get(wishId) === claimId) locks.delete(wishId); },
    async freeSlot(slotId: string, claimId: string) { await tick(); if (slots.get(slotId) === claimId) slots.delete(slotId); },
    findEvent: async (wishId: string, sequence: number) => { await tick(); return events.get(eventId(wishId, sequence)) ?? null; },
    async insertEvent(e: WishEventDoc) { await tick(); if (events.has(e._id)) return false; events.set(e._id, e); return true; },
  };
  return { repo: repo as unknown as WishRepository, wishes, claims, events, locks, slots };
}

const by = { requestId: 'r1', actor: { _id: 'don' } };

function claimedEvent(sequence: number, claimId: string): WishEventDoc {
  const at = new Date();
  const claim: WishClaimDoc = {
    _id: claimId, wishId: 'w1', regionCode: '371402001001', category: 'health', donorId: 'don', donorName: '爱心人士', donorKind: 'person', slotId: 'don:0',
    status: 'active', claimedAt: at, dueAt: at, deliveredAt: null, deliverNote: null, deliverPhotoFileIds: [], endedAt: null, certificateNo: null,
  };
  return {
    _id: eventId('w1', sequence), wishId: 'w1', sequence, type: 'claimed', actorId: 'don', actorRole: 'donor', at, requestId: 'r0', note: null, claimId,
    wishSet: { status: 'claimed', activeClaimId: claimId, claimDonorId: 'don', donorName: '爱心人士' }, claimSet: claim as unknown as Record<string, unknown>, freesClaim: false,
  };
}

function releasedEvent(sequence: number, claimId: string): WishEventDoc {
  return {
    _id: eventId('w1', sequence), wishId: 'w1', sequence, type: 'released', actorId: 'don', actorRole: 'donor', at: new Date(), requestId: 'r0', note: null, claimId,
    wishSet: { status: 'open', activeClaimId: null, claimDonorId: null, donorName: null }, claimSet: { status: 'released', slotId: 'don:0' }, freesClaim: true,
  };
}

describe('wish event log', () => {
  it('applies an event inserted but never applied at the next read, at once (no waiting period)', async () => {
    const m = memoryRepo();
    // A writer inserted event 3 (just now) and stopped before applying it; it holds the lock and the slot.
    m.events.set(eventId('w1', 3), claimedEvent(3, 'c1'));
    m.locks.set('w1', 'c1');
    m.slots.set('don:0', 'c1');
    const wish = await wishStore(m.repo).load('w1');
    expect(wish).toMatchObject({ seq: 3, status: 'claimed', activeClaimId: 'c1' });
    expect(m.claims.get('c1')).toMatchObject({ status: 'active' });
  });

  it('applies every pending event in order in one read', async () => {
    const m = memoryRepo();
    m.events.set(eventId('w1', 3), claimedEvent(3, 'c1'));
    m.events.set(eventId('w1', 4), releasedEvent(4, 'c1'));
    m.locks.set('w1', 'c1');
    m.slots.set('don:0', 'c1');
    expect(await wishStore(m.repo).load('w1')).toMatchObject({ seq: 4, status: 'open', activeClaimId: null });
    expect(m.claims.get('c1')).toMatchObject({ status: 'released' });
    expect(m.locks.size + m.slots.size).toBe(0);
  });

  it('is idempotent: the same event applied twice, or by two readers at once, gives the same state', async () => {
    const m = memoryRepo();
    m.events.set(eventId('w1', 3), claimedEvent(3, 'c1'));
    const store = wishStore(m.repo);
    const [a, b] = await Promise.all([store.load('w1'), store.load('w1')]);
    expect(a).toEqual(b);
    const once = { wish: m.wishes.get('w1'), claim: m.claims.get('c1') };
    await applyWishEvent(m.repo, claimedEvent(3, 'c1'));
    expect({ wish: m.wishes.get('w1'), claim: m.claims.get('c1') }).toEqual(once);
  });

  it('a late replay of an earlier event undoes nothing that came after it', async () => {
    const m = memoryRepo();
    const store = wishStore(m.repo);
    m.events.set(eventId('w1', 3), claimedEvent(3, 'c1'));
    m.events.set(eventId('w1', 4), releasedEvent(4, 'c1'));
    m.events.set(eventId('w1', 5), claimedEvent(5, 'c2'));
    m.locks.set('w1', 'c2'); // the second claim's lock (c1's was freed by event 4)
    m.slots.set('don:0', 'c2');
    await store.load('w1');
    const settled = { wish: m.wishes.get('w1'), c1: m.claims.get('c1'), c2: m.claims.get('c2') };
    expect(settled.wish).toMatchObject({ seq: 5, status: 'claimed', activeClaimId: 'c2' });
    // A slow reader applies events 3 and 4 again now.
    await applyWishEvent(m.repo, m.events.get(eventId('w1', 3))!);
    await applyWishEvent(m.repo, m.events.get(eventId('w1', 4))!);
    expect({ wish: m.wishes.get('w1'), c1: m.claims.get('c1'), c2: m.claims.get('c2') }).toEqual(settled);
    expect(m.locks.get('w1')).toBe('c2');
    expect(m.slots.get('don:0')).toBe('c2');
  });

  it('a commit computed from an old state loses with WISH_CHANGED and records nothing', async () => {
    const m = memoryRepo();
    const store = wishStore(m.repo);
    const stale = (await store.load('w1'))!;
    await store.commit(by, stale, { type: 'edited', actorRole: 'staff', wishSet: { title: '新标题' } });
    const outcome = { inserted: false };
    await expect(store.commit(by, stale, { type: 'edited', actorRole: 'staff', wishSet: { title: '另一个标题' } }, outcome)).rejects.toMatchObject({ code: 'WISH_CHANGED' });
    expect(outcome.inserted).toBe(false);
    expect(m.wishes.get('w1')).toMatchObject({ seq: 3, title: '新标题' });
  });
});
