import type { InvitationStatus, ListedRole, WorkRole } from '@dajiuzhu/shared';
import type { Tone } from '../../styles/tokens';

/**
 * The kinds of invitation, in the order the admin sees them. A kind the server does not offer yet
 * is listed as coming (`available: false`), so adding one (慈善组织, issue 12) is one line here.
 */
export interface InvitationKind {
  role: WorkRole;
  label: string;
  /** Who it is for, in one line. */
  hint: string;
  /** Staff are bound to a level (乡镇（街道）/ 县级) as well as a region. */
  needsLevel: boolean;
  available: boolean;
}

export const INVITATION_KINDS: readonly InvitationKind[] = [
  { role: 'staff', label: '工作人员', hint: '乡镇（街道）或县级民政：受理、审核、审批', needsLevel: true, available: true },
  { role: 'gridWorker', label: '网格员', hint: '村（社区）网格员：入户走访、上报', needsLevel: false, available: true },
  { role: 'charity', label: '慈善组织', hint: '即将开放', needsLevel: false, available: false },
];

export const ROLE_LABELS: Record<ListedRole, string> = { staff: '工作人员', gridWorker: '网格员', charity: '慈善组织', admin: '管理员' };

export const LEVEL_LABELS: Record<string, string> = { township: '乡镇（街道）', county: '县级' };

export const STATUS_TEXT: Record<InvitationStatus, { text: string; tone: Tone }> = {
  open: { text: '待使用', tone: 'primary' },
  redeemed: { text: '已使用', tone: 'success' },
  revoked: { text: '已撤销', tone: 'neutral' },
  expired: { text: '已过期', tone: 'warning' },
};

/** The roles an admin may take away from a person: the work roles the person holds. */
export function deactivatableRoles(roles: readonly string[]): WorkRole[] {
  return (['staff', 'gridWorker', 'charity'] as const).filter((r) => roles.includes(r));
}
