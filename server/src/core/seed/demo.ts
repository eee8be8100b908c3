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
 * `npm start`) changes nothing. With the demo verifier (development) the demo residents are
 * verified by it, as their screens then say ("演示核验"); with WeChat's verifier they stay claims.
 */
export async function seedDemoData(services: Services): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    let user = await services.users.accountFor(`dev:${account.openid}`);
    user = await services.users.grantDemoRole(user, account);
    const profile = DEMO_PROFILES[account.openid];
    if (!profile) continue;
    const ctx = { requestId: 'seed', actor: user };
    if (!(await services.profiles.findById(user._id))) await services.profiles.save(ctx, profile);
    if (services.identity.verifier === 'demo' && !(await services.identity.isVerified(user._id))) await services.identity.verifyDemo(ctx);
  }
}
