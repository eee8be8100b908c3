import type { ActorRole, ApplicationView } from '@dajiuzhu/shared';
import type { ApplicationDoc } from '../models/application';
import type { ApplicationRepository } from '../repository';
import type { ApplicationViews } from '../views/applicationView';

/** The full view of a case: its timeline and, once approved, its entitlement, read alongside. */
export function casePresenter(deps: { repo: ApplicationRepository; views: ApplicationViews }) {
  return async (a: ApplicationDoc, role: ActorRole): Promise<ApplicationView> => {
    const [events, entitlement] = await Promise.all([deps.repo.listEvents(a._id), a.status === 'approved' ? deps.repo.findEntitlement(a._id) : null]);
    return deps.views.detail(a, role, events, entitlement);
  };
}
export type CasePresenter = ReturnType<typeof casePresenter>;
