import { DEMO_ACCOUNTS, checkCharFor } from '@dajiuzhu/shared';
import type { Services } from '../services';

/** A syntactically valid ID number for a demo person (not a real person's number). */
function demoIdNumber(region: string, birth: string, seq: string): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + checkCharFor(first17);
}

const DEMO_PROFILES: Record<string, { name: string; idNumber: string; phone: string; hukou: 'urban' | 'rural'; regionCode: string }> = {
  'demo-resident-wang': { name: '王建国', idNumber: demoIdNumber('371402', '19520314', '001'), phone: '13800000001', hukou: 'urban', regionCode: '371402001' },
  'demo-resident-li': { name: '李秀英', idNumber: demoIdNumber('371502', '19640708', '002'), phone: '13800000002', hukou: 'rural', regionCode: '371502' },
};

/**
 * Loads the demo accounts once: identities are keyed by `_id`, so running it again (every
 * `npm start`) changes nothing.
 */
export async function seedDemoData(services: Services): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    let user = await services.users.accountFor(`dev:${account.openid}`);
    user = await services.users.grantDemoRole(user, account);
    const profile = DEMO_PROFILES[account.openid];
    if (profile && !(await services.profiles.findById(user._id))) {
      await services.profiles.save({ requestId: 'seed', actor: user }, profile);
    }
  }
}
