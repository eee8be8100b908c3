import { AppError } from '../../../core/errors/AppError';
import { eventId, eventLog } from '../../../core/db/eventLog';
import type { CharityProjectDoc, CharityProjectEventDoc, CharityProjectEventType } from '../models/project';
import type { CharityRepository } from '../repository';

/** Who records a change: a request, or the schedule job (actor `system`). */
export interface Recorder { requestId: string; actor: { _id: string } }

/**
 * Every change of a project is one event of the core event log (core/db/eventLog.ts): computed
 * from the project at sequence n, it lands only if it is the first to insert event n + 1 (the
 * loser gets CHARITY_PROJECT_CHANGED). Applying is one `$set` guarded by the sequence, so a
 * pending event is simply applied again by the next `load`.
 */
export function projectStore(repo: CharityRepository) {
  const log = eventLog<CharityProjectDoc, CharityProjectEventDoc>({
    readEntity: (id) => repo.findProject(id),
    sequenceOf: (p) => p.seq,
    findEvent: (id, sequence) => repo.findEvent(id, sequence),
    insertEvent: (e) => repo.insertEvent(e),
    async apply(project, e) {
      await repo.setProject(e.projectId, e.sequence, e.set);
      return (await repo.findProject(e.projectId)) ?? project;
    },
    conflict: () => new AppError('CHARITY_PROJECT_CHANGED'),
  });

  return {
    load: log.load,
    /** Records one change of `project` (computed from it) and returns the project after it. */
    commit(by: Recorder, project: CharityProjectDoc, type: CharityProjectEventType, set: Partial<CharityProjectDoc>, note: string | null = null): Promise<CharityProjectDoc> {
      const sequence = project.seq + 1;
      const at = new Date();
      const event: CharityProjectEventDoc = {
        _id: eventId(project._id, sequence), projectId: project._id, sequence, type, actorId: by.actor._id, at, requestId: by.requestId, note,
        set: { ...set, updatedAt: at },
      };
      return log.append(project, event);
    },
  };
}
export type ProjectStore = ReturnType<typeof projectStore>;
