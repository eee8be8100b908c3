import type { FastifyBaseLogger } from 'fastify';
import type { ActionContext } from '../../../core/context';

type Listener = (projectId: string, ctx: ActionContext) => Promise<void>;

/**
 * Who is told that a project was cancelled (the donations side refunds). Called after the change
 * landed; a listener that fails is logged and does not undo the cancellation — refunds must be
 * resumable on their own (the donations side keeps that state).
 */
export function cancelListeners(log: FastifyBaseLogger) {
  const listeners: Listener[] = [];
  return {
    add(listener: Listener): void { listeners.push(listener); },
    async notify(projectId: string, ctx: ActionContext): Promise<void> {
      for (const l of listeners) {
        try { await l(projectId, ctx); } catch (err) { log.error({ err, projectId }, 'charity: a cancellation listener failed'); }
      }
    },
  };
}
export type CancelListeners = ReturnType<typeof cancelListeners>;
