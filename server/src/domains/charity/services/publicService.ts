import { PUBLIC_PROJECT_STATUSES, type ProjectSquare, type ProjectSquareQuery, type PublicProject } from '@dajiuzhu/shared';
import { AppError } from '../../../core/errors/AppError';
import type { CharityRepository } from '../repository';
import { publicProject, publicSummary } from '../views/projectViews';
import type { ProjectStore } from './projectStore';
import type { ProgressReader } from './progress';

/** The square's cursor: the last project's `<publishedAt ms>.<_id>` (the schema's pattern). */
export const encodeCursor = (p: { _id: string; publishedAt: Date | null }) => `${p.publishedAt?.getTime() ?? 0}.${p._id}`;
export function decodeCursor(cursor: string): { publishedAt: Date; _id: string } {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(cursor);
  if (!m) throw new AppError('VALIDATION_FAILED', { message: '分页位置无效，请从第一页重新加载' });
  return { publishedAt: new Date(Number(m[1])), _id: m[2] };
}

/** What anyone sees without signing in: the project square (filters, keyset pages) and a project's page. */
export function publicService(deps: { repo: CharityRepository; store: ProjectStore; progressOf: ProgressReader }) {
  return {
    async square(q: ProjectSquareQuery): Promise<ProjectSquare> {
      const status = q.status ?? 'published';
      const limit = q.limit ?? 20;
      const { projects, hasMore } = await deps.repo.square({
        statuses: status === 'all' ? [...PUBLIC_PROJECT_STATUSES] : [status], regionCode: q.regionCode, targetGroup: q.targetGroup, limit,
        after: q.cursor ? decodeCursor(q.cursor) : undefined,
      });
      return { projects: projects.map(publicSummary), nextCursor: hasMore && projects.length ? encodeCursor(projects[projects.length - 1]) : null };
    },

    /** A public project's page (an overdue one too, flagged); a draft, one under review, returned or cancelled: 404. */
    async page(id: string): Promise<PublicProject> {
      const p = await deps.store.load(id);
      if (!p || !PUBLIC_PROJECT_STATUSES.includes(p.status)) throw new AppError('NOT_FOUND');
      const [progress, reports, spending] = await Promise.all([deps.progressOf(p), deps.repo.reportsOf(id, 50), deps.repo.spendingOf(id, 50)]);
      return publicProject(p, progress, reports, spending);
    },
  };
}
export type PublicService = ReturnType<typeof publicService>;
