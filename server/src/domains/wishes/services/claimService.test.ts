import type { WishConfig } from '@dajiuzhu/config';
import type { WishDoc, WishEventDoc } from '../models/wish';
import type { WishRepository } from '../repository';
import type { ActionContext } from '../../../core/context';
import type { ContentChecks } from './contentChecks';
import { wishStore } from './wishStore';
import { claimService } from './claimService';

/**
 * The claim's clean-up after a failure, against an in-memory repository: the lock and the slot are
 * given back only when the `claimed` event did not land. Once it landed the claim stands (the next
 * reader applies it), so freeing them would leave a claimed wish with no lock and no slot.
 */
function openWish(): WishDoc {
  const now = new Date();
  return {
    _id: 'w1', seq: 2, status: 'open', regionCode: '371402001001', beneficiaryId: 'ben', beneficiaryKey: '', beneficiaryName: '王建国', birthDate: '1952-03-01',
    postedBy: 'ben', onBehalf: false, category: 'health', title: '一台助听器', story: '想要一台助听器。', budgetFen: 1000, photoFileIds: [], deliveryPhotoFileIds: [], removedPhotos: [],
    delivery: 'communityOffice', contentFlag: 'pass', reviewNote: null, rejectReason: null, publishedAt: now, activeClaimId: null, claimDonorId: null,
    donorName: null, deliverNote: null, fulfilledAt: null, thanks: null, createdAt: now, updatedAt: now,
  } as WishDoc;
}

function fakeRepo(opts: { eventWins: boolean; applyFails: boolean }) {
  const locks = new Set<string>();
  const slots = new Set<string>();
  const events: WishEventDoc[] = [];
  const wish = openWish();
  const repo = {
    findWish: async () => ({ ...wish }),
    findEvent: async () => null,
    async takeSlot(donorId: string) { const id = `${donorId}:0`; if (slots.has(id)) return null; slots.add(id); return id; },
    async takeLock(wishId: string) { if (locks.has(wishId)) return false; locks.add(wishId); return true; },
    async freeLock(wishId: string) { locks.delete(wishId); },
    async freeSlot(slotId: string) { slots.delete(slotId); },
    async insertEvent(e: WishEventDoc) { if (!opts.eventWins) return false; events.push(e); return true; },
    async createClaim() { if (opts.applyFails) throw new Error('connection reset while applying'); return true; },
    async setWish() { /* applied */ },
  };
  return { repo: repo as unknown as WishRepository, locks, slots, events };
}

const config = { maxActiveClaims: 5, lapseDays: 7 } as WishConfig;
const ctx = { requestId: 'r1', actor: { _id: 'don', roles: ['resident', 'donor'] } } as unknown as ActionContext;

function service(repo: WishRepository) {
  return claimService({ repo, store: wishStore(repo), config, checks: {} as ContentChecks, identity: { verifiedBlindIndexOf: async () => null } });
}

describe('claim clean-up after a failure', () => {
  it('keeps the lock and the slot when the claimed event landed but applying it failed', async () => {
    const f = fakeRepo({ eventWins: true, applyFails: true });
    await expect(service(f.repo).claim(ctx, 'w1')).rejects.toThrow('connection reset');
    expect(f.events.map((e) => e.type)).toEqual(['claimed']);
    expect([...f.locks]).toEqual(['w1']);
    expect([...f.slots]).toEqual(['don:0']);
  });

  it('gives the lock and the slot back when the event insert lost', async () => {
    const f = fakeRepo({ eventWins: false, applyFails: false });
    await expect(service(f.repo).claim(ctx, 'w1')).rejects.toMatchObject({ code: 'WISH_CHANGED' });
    expect(f.events).toEqual([]);
    expect(f.locks.size).toBe(0);
    expect(f.slots.size).toBe(0);
  });
});
