import { CHECK_AUTHORIZATION, findApplicationProblems, type ApplicationProgramme, type DraftView } from '@dajiuzhu/shared';
import type { DraftDoc } from '../models/application';
import type { Clock } from '../services/clock';
import type { FormCodec } from '../services/forms';

/** A draft as its owner sees it: ID numbers masked, with what is still missing before submit. */
export function draftViews(deps: { forms: FormCodec; clock: Clock }) {
  return (d: DraftDoc): DraftView => {
    const form = deps.forms.mask(deps.forms.read(d.formCipher), d.applicant);
    return {
      id: d._id,
      programme: d.programme as ApplicationProgramme,
      form,
      documents: d.documents.map((x) => ({ item: x.item, fileId: x.fileId })),
      currentStep: d.currentStep,
      consent: d.consent ? { textVersion: d.consent.textVersion, at: new Date(d.consent.at).toISOString() } : null,
      onBehalfOf: d.helper
        ? { name: d.applicant.name, idNumberMasked: d.applicant.idNumberMasked, ...(d.helper.phoneMasked ? { phoneMasked: d.helper.phoneMasked } : {}), regionCode: d.regionCode, relation: d.helper.relation }
        : null,
      applicantName: d.applicant.name,
      problems: [
        ...findApplicationProblems(d.programme as ApplicationProgramme, form, d.documents, deps.clock.today()),
        ...(d.consent ? [] : [{ path: '/consent', message: `请阅读并同意《${CHECK_AUTHORIZATION.title}》` }]),
      ],
      submittedApplicationId: d.submittedApplicationId,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  };
}
export type DraftViewer = ReturnType<typeof draftViews>;
