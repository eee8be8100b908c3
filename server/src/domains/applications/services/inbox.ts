import type { MessageView } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import type { ApplicationRepository } from '../repository';

/** The in-app messages (站内消息) about cases: the caller's own only. */
export function inbox(repo: ApplicationRepository) {
  return {
    async list(ctx: ActionContext): Promise<{ messages: MessageView[]; unread: number }> {
      const list = await repo.listMessages(ctx.actor._id);
      return {
        messages: list.map((m) => ({ id: m._id, applicationId: m.applicationId, title: m.title, body: m.body, createdAt: m.createdAt.toISOString(), read: m.read })),
        unread: list.filter((m) => !m.read).length,
      };
    },

    async markRead(ctx: ActionContext, id: string): Promise<void> {
      const r = await repo.markRead(id, ctx.actor._id);
      if (r.matchedCount === 0) throw new AppError('NOT_FOUND');
    },
  };
}
