import { maskPhone } from '@dajiuzhu/shared';
import { AppError } from '../../../core/errors/AppError';
import type { PiiCipher } from '../../../core/crypto/pii';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';
import type { WishRepository } from '../repository';

function maskContact(contact: string): string {
  return /^1\d{10}$/.test(contact) ? maskPhone(contact) : `${Array.from(contact).slice(0, 2).join('')}****`;
}

/**
 * A donor's contact: stored encrypted, shown to the donor masked, and read in full only by staff
 * of a claimed wish's region, each read audited as person.read of the donor.
 */
export function donorContactService(deps: { repo: WishRepository; pii: PiiCipher; audit: AuditService }) {
  const { repo } = deps;
  return {
    async set(ctx: ActionContext, contact: string): Promise<{ contactMasked: string }> {
      const text = contact.trim();
      // The schema counts characters before trimming: "     " would pass it and store nothing usable.
      if (Array.from(text).length < 5) {
        throw new AppError('VALIDATION_FAILED', { message: '请填写联系方式（手机号或其他联系方式，至少5个字）', details: { fields: [{ path: '/contact', rule: 'empty' }] } });
      }
      await repo.saveContact(ctx.actor._id, deps.pii.encrypt(text), maskContact(text));
      return { contactMasked: maskContact(text) };
    },

    async mine(ctx: ActionContext): Promise<{ contactMasked: string | null }> {
      return { contactMasked: (await repo.findContact(ctx.actor._id))?.contactMasked ?? null };
    },

    /** The full contact for staff handling `wishId` (the caller has checked the region); audited. */
    async readForStaff(ctx: ActionContext, donorId: string, wishId: string): Promise<string | null> {
      const c = await repo.findContact(donorId);
      if (!c) return null;
      await deps.audit.record({ actorId: ctx.actor._id, action: 'person.read', subjectId: donorId, requestId: ctx.requestId, details: { fields: 'donorContact', wishId } });
      return deps.pii.decrypt(c.contactCipher);
    },
  };
}
export type DonorContactService = ReturnType<typeof donorContactService>;
