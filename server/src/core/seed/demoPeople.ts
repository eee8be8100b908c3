import { DEMO_ACCOUNTS, checkCharFor, type DevSignInBody } from '@dajiuzhu/shared';
import type { ActionContext } from '../context';
import type { UserDoc } from '../models';
import type { Services } from '../services';

/** A syntactically valid ID number for a demo person (not a real person's number). */
function demoIdNumber(region: string, birth: string, seq: string): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + checkCharFor(first17);
}

interface DemoProfile { name: string; idNumber: string; phone: string; hukou: 'urban' | 'rural'; regionCode: string }

/** The real-name profiles of the demo accounts that have one (the sign-ins on the 演示登录 screen). */
export const DEMO_PROFILES: Record<string, DemoProfile> = {
  'demo-resident-wang': { name: '王建国', idNumber: demoIdNumber('371402', '19520314', '001'), phone: '13800000001', hukou: 'urban', regionCode: '371402001' },
  'demo-resident-li': { name: '李秀英', idNumber: demoIdNumber('371502', '19640708', '002'), phone: '13800000002', hukou: 'rural', regionCode: '371502' },
};

/**
 * The people of the demo story who have no sign-in on the demo screen: Wang's neighbours in 新华街道
 * (their cases fill the staff queue and the 公示 list; their wishes the square) and the 东昌府区
 * township officer who handled Li's case. They are ordinary accounts (`dev:<openid>`), verified in
 * person by the township officer — the product's own way for someone without the face check.
 */
export const DEMO_NEIGHBOURS = {
  zhao: { openid: 'demo-person-zhao', profile: { name: '赵桂兰', idNumber: demoIdNumber('371402', '19480922', '011'), phone: '13800000011', hukou: 'urban', regionCode: '371402001' } },
  sun: { openid: 'demo-person-sun', profile: { name: '孙玉梅', idNumber: demoIdNumber('371402', '19550117', '012'), phone: '13800000012', hukou: 'urban', regionCode: '371402001' } },
  zhou: { openid: 'demo-person-zhou', profile: { name: '周大海', idNumber: demoIdNumber('371402', '19710503', '013'), phone: '13800000013', hukou: 'urban', regionCode: '371402001' } },
  wu: { openid: 'demo-person-wu', profile: { name: '吴秀珍', idNumber: demoIdNumber('371402', '19600825', '014'), phone: '13800000014', hukou: 'urban', regionCode: '371402001' } },
  qian: { openid: 'demo-person-qian', profile: { name: '钱小红', idNumber: demoIdNumber('371402', '19820611', '015'), phone: '13800000015', hukou: 'urban', regionCode: '371402001' } },
  zheng: { openid: 'demo-person-zheng', profile: { name: '郑国强', idNumber: demoIdNumber('371402', '19500228', '016'), phone: '13800000016', hukou: 'urban', regionCode: '371402001' } },
} satisfies Record<string, { openid: string; profile: DemoProfile }>;
export type Neighbour = keyof typeof DEMO_NEIGHBOURS;

/** Staff of the story without a demo sign-in (Li's township office). */
const BACK_OFFICE: (DevSignInBody & { openid: string })[] = [
  { openid: 'demo-staff-liaocheng-township', role: 'staff', level: 'township', regionCode: '371502' },
];

/** Who acts in the story, by openid (demo accounts, neighbours, back office). */
export interface DemoCast {
  user(openid: string): UserDoc;
  ctx(openid: string): ActionContext;
}

/**
 * Creates (once: identities are keyed by `_id`) the demo accounts and their roles, the neighbours,
 * their profiles, and verifies them. With the demo verifier (development) the demo residents are
 * verified by it, as their screens then say ("演示核验"); with WeChat's verifier they stay claims.
 * The neighbours are verified in person by the township officer of their region.
 */
export async function seedDemoPeople(services: Services, opts: { neighbours: boolean }): Promise<DemoCast> {
  const users = new Map<string, UserDoc>();
  const ctxOf = (openid: string): ActionContext => {
    const actor = users.get(openid);
    if (!actor) throw new Error(`demo data: no demo account ${openid}`);
    return { requestId: `seed:${openid}`, actor };
  };
  const account = async (openid: string, grant: DevSignInBody) => {
    const user = await services.users.grantDemoRole(await services.users.accountFor(`dev:${openid}`), grant);
    users.set(openid, user);
    return user;
  };
  const ensureProfile = async (openid: string, profile: DemoProfile) => {
    const user = users.get(openid)!;
    if (!(await services.profiles.findById(user._id))) await services.profiles.save(ctxOf(openid), profile);
  };

  for (const a of DEMO_ACCOUNTS) {
    await account(a.openid, a);
    const profile = DEMO_PROFILES[a.openid];
    if (!profile) continue;
    await ensureProfile(a.openid, profile);
    if (services.identity.verifier === 'demo' && !(await services.identity.isVerified(users.get(a.openid)!._id))) await services.identity.verifyDemo(ctxOf(a.openid));
  }
  if (!opts.neighbours) return { user: (o) => ctxOf(o).actor, ctx: ctxOf };

  for (const b of BACK_OFFICE) await account(b.openid, b);
  for (const n of Object.values(DEMO_NEIGHBOURS)) {
    const user = await account(n.openid, { openid: n.openid, role: 'resident' });
    await ensureProfile(n.openid, n.profile);
    if (!(await services.identity.isVerified(user._id))) {
      await services.identity.verifyInPerson(ctxOf('demo-staff-dezhou-township'), user._id, { document: 'idCard', place: 'counter', note: '演示数据：窗口核验身份证' });
    }
  }
  return { user: (o) => ctxOf(o).actor, ctx: ctxOf };
}
