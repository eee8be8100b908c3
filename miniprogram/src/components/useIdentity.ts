import type { IdentityStatusView } from '@dajiuzhu/shared';
import { getIdentity } from '../services/identity';
import { useSession } from '../store/session';
import { useLoad, type Loaded } from './hooks';

export interface IdentityState extends Loaded<IdentityStatusView> {
  /** True once the server said the account's identity is verified. */
  verified: boolean;
  /** True when it is known NOT to be verified: no profile yet, a claim, or a claim superseded. */
  unverified: boolean;
}

/**
 * The signed-in account's 实名核验 status, asked of the server on every show of the page (a staff
 * member may have verified the person at the counter meanwhile) and after each profile save.
 * Without a profile nothing is asked: such an account is unverified. Pages that show records about
 * a person wait for `verified` before asking for them.
 */
export function useIdentity(): IdentityState {
  const { status, user } = useSession();
  const profile = user?.profile;
  const loaded = useLoad(() => getIdentity(), [user?.id, profile?.savedAt], { enabled: status === 'signedIn' && !!profile });
  const state = loaded.data?.status;
  const noProfile = status === 'signedIn' && !profile;
  return { ...loaded, verified: !noProfile && state === 'verified', unverified: noProfile || (!!state && state !== 'verified') };
}
