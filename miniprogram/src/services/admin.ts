import type {
  CreateInvitationBody,
  DeactivateBody,
  DeactivationView,
  InvitationList,
  InvitationStatus,
  InvitationSummary,
  InvitationView,
  ListedRole,
  PeopleList,
  SignInResponse,
  WorkRole,
} from '@dajiuzhu/shared';
import { apiPath, request } from './request';

/** The system administrator's desk (server: core/identity/adminRoutes.ts, adminPeopleRoutes.ts). */

/** What the invitation form sends: a staff invitation names a level; the other work roles only a region. */
export interface NewInvitation {
  role: WorkRole;
  level?: 'township' | 'county';
  regionCode: string;
  note?: string;
}

export function createInvitation(input: NewInvitation): Promise<InvitationView> {
  const note = input.note?.trim() ? { note: input.note.trim() } : {};
  // The staff body is the original one (no `role`), so it works whatever the server's newer kinds are.
  const body = input.role === 'staff'
    ? ({ level: input.level ?? 'township', regionCode: input.regionCode, ...note } satisfies CreateInvitationBody)
    : { role: input.role, regionCode: input.regionCode, ...note };
  return request<InvitationView>({ method: 'POST', path: '/api/v1/admin/staff-invitations', body });
}

export const listInvitations = (status?: InvitationStatus) =>
  request<InvitationList>({ path: '/api/v1/admin/staff-invitations', query: { status, limit: 100 } });

export const revokeInvitation = (id: string) =>
  request<InvitationSummary>({ method: 'POST', path: apiPath`/api/v1/admin/staff-invitations/${id}/revoke` });

export const listPeople = (role: ListedRole, regionCode?: string) =>
  request<PeopleList>({ path: '/api/v1/admin/people', query: { role, regionCode, limit: 200 } });

export const deactivatePerson = (userId: string, body: DeactivateBody) =>
  request<DeactivationView>({ method: 'POST', path: apiPath`/api/v1/admin/people/${userId}/deactivate`, body });

/** Any signed-in person redeems a code; the answer is a fresh session carrying the new role. */
export const redeemInvitation = (code: string) =>
  request<SignInResponse>({ method: 'POST', path: '/api/v1/staff-invitations/redeem', body: { code: code.trim() } });
