import { regionCovers, regionPrefix } from '@dajiuzhu/shared';
import type { UserDoc } from '../models';
import { AppError } from '../errors/AppError';

/**
 * Who may see what (docs/architecture.md, "Roles and regions"): a staff member sees a record only
 * when their region covers the record's region. The one implementation every domain uses.
 */
export interface StaffScope { level: 'township' | 'county'; regionCode: string }

type Actor = Pick<UserDoc, 'roles' | 'staff'>;

/** The actor's staff scope, or null when the actor is not staff. */
export function staffScopeOf(actor: Actor): StaffScope | null {
  return actor.roles.includes('staff') && actor.staff ? actor.staff : null;
}

/** The actor's staff scope; FORBIDDEN (403) for anyone else. */
export function requireStaff(actor: Actor): StaffScope {
  const scope = staffScopeOf(actor);
  if (!scope) throw new AppError('FORBIDDEN');
  return scope;
}

/** True when the actor is staff whose region covers `regionCode`. */
export function staffCovers(actor: Actor, regionCode: string | null | undefined): boolean {
  const scope = staffScopeOf(actor);
  return !!scope && !!regionCode && regionCovers(scope.regionCode, regionCode);
}

/**
 * The actor's staff scope when it covers `regionCode`. Outside the region the record answers
 * NOT_FOUND (404), exactly as if it did not exist, so nothing leaks across regions.
 */
export function requireStaffCovering(actor: Actor, regionCode: string | null | undefined): StaffScope {
  const scope = requireStaff(actor);
  if (!regionCode || !regionCovers(scope.regionCode, regionCode)) throw new AppError('NOT_FOUND');
  return scope;
}

/**
 * The one region query: every region code inside `scope` (itself and all below), as a string
 * range on the stored `regionCode`. A range (not a regex) is what a MongoDB index serves and what
 * FerretDB evaluates without a regex engine; codes are digits, so the range is exact.
 */
export function regionWithin(scope: string): { $gte: string; $lt: string } {
  const prefix = regionPrefix(scope);
  return { $gte: prefix, $lt: `${prefix}\uffff` };
}
