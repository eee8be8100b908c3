import type { ActBody, ApplicationSummary, ApplicationView, SupplementBody } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import { MESSAGES } from '../messages';
import type { ApplicationDoc } from '../models/application';
import type { ApplicationRepository } from '../repository';
import type { ApplicationViews } from '../views/applicationView';
import type { CaseAccess } from './access';
import type { CaseAct } from './caseActions';
import type { CaseLog } from './caseLog';
import type { CaseFiles } from './documents';
import type { CasePresenter } from './present';

/**
 * The applicant side of a submitted case: the account that filed it and the person it is for
 * (verified identity only: access.ts) see it, may withdraw it and hand in what staff asked for
 * (补正). A helper follows the case they filed and nothing else of the person. Submitting is
 * submission.ts, the person's confirmation of a filing in their name confirmation.ts.
 */
export function applicantCases(deps: { repo: ApplicationRepository; access: CaseAccess; log: CaseLog; act: CaseAct; files: CaseFiles; views: ApplicationViews; present: CasePresenter }) {
  const { act } = deps;
  return {
    /** Filed by me, or — once my identity is verified — filed for me by anyone. */
    async listMine(ctx: ActionContext): Promise<ApplicationSummary[]> {
      const blind = await deps.access.verifiedBlindIndex(ctx);
      const [filed, about] = await Promise.all([deps.repo.listFiledBy(ctx.actor._id), blind ? deps.repo.listForPerson(blind) : []]);
      const seen = new Map<string, ApplicationDoc>();
      for (const a of [...filed, ...about]) seen.set(a._id, a);
      return [...seen.values()].sort((x, y) => y.submittedAt.getTime() - x.submittedAt.getTime()).map(deps.views.summary);
    },

    async getMine(ctx: ActionContext, id: string): Promise<ApplicationView> {
      const a = await deps.log.load(id);
      const relation = a ? await deps.access.relationTo(ctx, a) : null;
      if (!a || !relation) throw new AppError('NOT_FOUND');
      return deps.present(a, relation);
    },

    withdraw: (ctx: ActionContext, id: string, input: ActBody) => act(ctx, 'applicant', id, 'withdraw', input, (a) => ({ message: MESSAGES.withdrawn(a.programme) })),

    supplement: (ctx: ActionContext, id: string, input: SupplementBody) =>
      act(ctx, 'applicant', id, 'supplement', input, async (a, body) => {
        await deps.files.assertDocuments(ctx, body.documents);
        await deps.files.grantToRegion(body.documents, a.regionCode);
        const added = body.documents.map((d) => ({ item: d.item, fileId: d.fileId }));
        return {
          patch: { documents: [...a.documents, ...added], missingDocuments: [] },
          attachments: added.map((d) => d.fileId),
          details: { items: added.map((d) => d.item) },
          message: MESSAGES.supplemented(a.programme),
        };
      }),
  };
}
