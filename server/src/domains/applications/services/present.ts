import type { ApplicationView } from '@dajiuzhu/shared';
import type { ApplicationDoc } from '../models/application';
import type { ApplicationRepository } from '../repository';
import type { ApplicationViews, CaseViewer } from '../views/applicationView';

/** The full view of a case: its timeline and, once approved, its entitlement (not for the helper who filed it). */
export function casePresenter(deps: { repo: ApplicationRepository; views: ApplicationViews }) {
  return async (a: ApplicationDoc, viewer: CaseViewer): Promise<ApplicationView> => {
    const withEntitlement = a.status === 'approved' && viewer !== 'filer';
    const [events, entitlement] = await Promise.all([deps.repo.listEvents(a._id), withEntitlement ? deps.repo.findEntitlement(a._id) : null]);
    return deps.views.detail(a, viewer, events, entitlement);
  };
}
export type CasePresenter = ReturnType<typeof casePresenter>;
