/**
 * The one event log (docs/database.md, "Event logs"). Every change of an entity (an application,
 * a wish, …) is one event stored under the unique key (entity, sequence): a change computed from
 * the entity at sequence n lands only if it is the first to insert event n + 1 (insert wins); a
 * writer that computed from the same state and lost gets the entity's conflict error.
 *
 * After the insert, the event is applied (side effects, then the entity's own document). Applying
 * is idempotent — every write it makes is an insert-wins, a conditional delete or a set guarded by
 * the sequence — so an event whose writer stopped between insert and apply is simply applied again
 * by the next reader. The one replay rule: `load` applies every pending event at once, in order,
 * at most MAX_REPLAY per call (a longer backlog means a bug, and is logged).
 */

/** Pending events one `load` applies at most before it returns what it has. */
export const MAX_REPLAY = 100;

/** `<entityId>:<sequence, six digits>`: one key per event, in order when sorted as text. */
export function eventId(entityId: string, sequence: number): string {
  return `${entityId}:${String(sequence).padStart(6, '0')}`;
}

export interface EventLogStore<S, E> {
  /** The entity's document, or null. */
  readEntity(id: string): Promise<S | null>;
  /** The sequence the entity's document is at. */
  sequenceOf(entity: S): number;
  /** Event `sequence` of the entity, or null. */
  findEvent(id: string, sequence: number): Promise<E | null>;
  /** True when this insert won; false when the key existed. */
  insertEvent(event: E): Promise<boolean>;
  /** Applies the event to the entity and returns the entity after it. Must be idempotent. */
  apply(entity: S, event: E): Promise<S>;
  /** The error a writer gets when another change got there first. */
  conflict(entity: S): Error;
  warn?(message: string, details: Record<string, unknown>): void;
}

/** Filled in by `append`: whether its event insert won (true even when applying it then threw). */
export interface AppendOutcome { inserted: boolean }

export interface EventLog<S, E> {
  /** The entity with every pending event applied first. */
  load(id: string): Promise<S | null>;
  /**
   * Records `event` (whose sequence must be the entity's + 1) and applies it. Throws the conflict
   * error when another change got there first. Once `outcome.inserted` is true the change stands,
   * even if applying it threw: the next reader applies it.
   */
  append(entity: S, event: E, outcome?: AppendOutcome): Promise<S>;
}

export function eventLog<S, E extends { sequence: number }>(store: EventLogStore<S, E>): EventLog<S, E> {
  return {
    async load(id) {
      let entity = await store.readEntity(id);
      for (let replayed = 0; entity; replayed += 1) {
        const pending = await store.findEvent(id, store.sequenceOf(entity) + 1);
        if (!pending) break;
        if (replayed === MAX_REPLAY) {
          store.warn?.('event log: replay limit reached', { id, sequence: store.sequenceOf(entity) });
          break;
        }
        entity = await store.apply(entity, pending);
      }
      return entity;
    },

    async append(entity, event, outcome = { inserted: false }) {
      if (event.sequence !== store.sequenceOf(entity) + 1) throw new Error(`event log: sequence ${event.sequence} does not follow ${store.sequenceOf(entity)}`);
      if (!(await store.insertEvent(event))) throw store.conflict(entity);
      outcome.inserted = true;
      return store.apply(entity, event);
    },
  };
}
