import type { UserDoc } from './models';

/** Who is acting and under which request: passed from routes to services for checks and audit. */
export interface ActionContext {
  requestId: string;
  actor: UserDoc;
}
