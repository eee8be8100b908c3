import { maskIdNumber, normalizeIdNumber, type ApplicationForm, type ApplicationMember } from '@dajiuzhu/shared';
import type { PiiCipher } from '../../../core/crypto/pii';
import type { PersonRef } from '../models/application';

/** The stored form holds full ID numbers (the whole form is encrypted); views carry masks only. */
export type StoredForm = ApplicationForm;

/** Reading, writing and masking the encrypted application form (members, incomes, health …). */
export function formCodec(pii: PiiCipher) {
  return {
    read: (cipher: string): StoredForm => JSON.parse(pii.decrypt(cipher)) as StoredForm,
    write: (form: StoredForm): string => pii.encrypt(JSON.stringify(form)),

    /** The form as shown: each household member's ID number as a mask (the applicant's from the case). */
    mask(form: StoredForm, applicant: PersonRef): ApplicationForm {
      return {
        ...form,
        members: (form.members ?? []).map((householdMember) => {
          const { idNumber, idNumberMasked: _ignored, ...rest } = householdMember;
          const masked = householdMember.relation === 'self' ? applicant.idNumberMasked : idNumber ? maskIdNumber(idNumber) : undefined;
          return { ...rest, ...(masked ? { idNumberMasked: masked } : {}) };
        }),
      };
    },

    /** Incoming household members keep their stored ID number when the client sends only the mask back. */
    merge(previous: StoredForm, incoming: ApplicationForm): StoredForm {
      const before = new Map((previous.members ?? []).map((householdMember) => [householdMember.key, householdMember]));
      return {
        ...incoming,
        members: (incoming.members ?? []).map((householdMember): ApplicationMember => {
          const { idNumberMasked: _mask, idNumber, ...rest } = householdMember;
          if (householdMember.relation === 'self') return rest;
          const kept = idNumber ? normalizeIdNumber(idNumber) : before.get(householdMember.key)?.idNumber;
          return { ...rest, ...(kept ? { idNumber: kept } : {}) };
        }),
      };
    },
  };
}
export type FormCodec = ReturnType<typeof formCodec>;
