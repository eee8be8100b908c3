import type { FastifyInstance } from 'fastify';
import type { CreateWishBody } from '@dajiuzhu/shared';
import type { ActionContext } from '../context';
import { DEMO_NEIGHBOURS, type DemoCast } from './demoPeople';
import type { DemoSteps } from './demoSteps';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * 微心愿 in every state, through the wishes domain's own services (app.wishes.demo):
 * open on the square (王建国's radio, 钱小红's school bag), claimed by 张先生 (赵桂兰's quilt, posted
 * for her by the township officer), delivered and waiting for the person's confirmation (吴秀珍's
 * hearing-aid batteries by the company; 李秀英's thermos by 张先生), fulfilled and thanked
 * (王建国's reading glasses: 张先生's 爱心证书), lapsed and open again (孙玉梅's cushion) and one
 * waiting for review (周大海's rice cooker). Wishes carry a generated photo of the item; the delivered ones
 * the donor's delivery photo (public once the person confirms: 王建国's glasses).
 */
export async function seedDemoWishes(app: FastifyInstance, cast: DemoCast, steps: DemoSteps) {
  const w = app.wishes.demo;
  const township = cast.ctx('demo-staff-dezhou-township');
  const liaocheng = cast.ctx('demo-staff-liaocheng-county');
  const zhang = cast.ctx('demo-donor-zhang');
  const company = cast.ctx('demo-donor-company');
  const person = (n: keyof typeof DEMO_NEIGHBOURS) => cast.ctx(DEMO_NEIGHBOURS[n].openid);
  const wang = cast.ctx('demo-resident-wang');
  const li = cast.ctx('demo-resident-li');
  const posted = async (by: ActionContext, body: CreateWishBody, reviewer: ActionContext = township) => {
    const wish = await w.post(by, body);
    await w.approve(reviewer, wish.id, '内容真实，同意发布');
    return wish.id;
  };
  // Photos of the item (generated PNGs, app.wishes.demo.photo), attached with the poster's word that no child's face is shown.
  const withPhoto = async (by: ActionContext, kind: Parameters<typeof w.photo>[2]) => ({ photoFileIds: [await w.photo(by, 'wishPhoto', kind)], noChildFaces: true });
  const evidence = async (by: ActionContext) => ({ photoFileIds: [await w.photo(by, 'deliveryPhoto', 'delivered')], noChildFaces: true });

  // First of the claims, so the lapse job run for it (with a time past its due date) finds no other claim due.
  await steps.once('wish:sun-lapsed', async () => {
    const id = await posted(person('sun'), { category: 'health', title: '一个轮椅坐垫', story: '老伴长期卧床，白天要坐轮椅晒太阳，想要一个透气的轮椅坐垫，防止褥疮。', budgetFen: 12000 });
    const claim = await w.claim(company, id);
    await app.wishes.claims.runLapseJob(new Date(Date.parse(claim.dueAt) + DAY_MS));
  });
  await steps.once('wish:wang-open', async () => {
    await posted(wang, { category: 'dailyLiving', title: '一台能听戏的收音机', story: '一个人在家，眼睛不太好，想要一台按键大一点的收音机，每天听听戏曲和新闻。', budgetFen: 15000, ...(await withPhoto(wang, 'radio')) });
  });
  await steps.once('wish:qian-open', async () => {
    await posted(person('qian'), { category: 'study', title: '孩子上学用的新书包', story: '孩子住院后刚回到学校，旧书包已经破了，想给他换一个结实的新书包。', budgetFen: 16000, ...(await withPhoto(person('qian'), 'schoolBag')) });
  });
  await steps.once('wish:zhao-claimed', async () => {
    const id = await posted(township, { category: 'elderlyCare', title: '过冬的厚棉被', story: '老人和残疾儿子同住，家里的被子已经用了十几年，冬天很冷，想要一床厚棉被。', budgetFen: 30000, beneficiaryId: cast.user(DEMO_NEIGHBOURS.zhao.openid)._id });
    await w.claim(zhang, id);
  });
  await steps.once('wish:wu-delivered', async () => {
    const id = await posted(person('wu'), { category: 'health', title: '助听器电池', story: '耳朵不好，助听器的电池用完了，想要几板助听器电池。', budgetFen: 8000, ...(await withPhoto(person('wu'), 'batteries')) });
    const claim = await w.claim(company, id);
    await w.deliver(company, claim.id, { note: '已送到新华街道社区服务站，请到服务站领取', ...(await evidence(company)) });
  });
  await steps.once('wish:wang-thanked', async () => {
    const id = await posted(wang, { category: 'health', title: '一副老花镜', story: '眼睛越来越花，看药盒上的字很吃力，想要一副合适的老花镜。', budgetFen: 12000, ...(await withPhoto(wang, 'glasses')) });
    const claim = await w.claim(zhang, id);
    await w.deliver(zhang, claim.id, { note: '已送到新华街道社区服务站', ...(await evidence(zhang)) });
    await w.confirm(wang, id, '已经收到，戴着很合适');
    await w.thank(wang, id, '谢谢您送来的老花镜，现在看药盒上的字清楚多了！');
  });
  await steps.once('wish:li-delivered', async () => {
    const id = await posted(li, { category: 'dailyLiving', title: '一个保温壶', story: '冬天想随时喝上热水，家里的暖壶坏了，想要一个保温壶。', budgetFen: 9000, ...(await withPhoto(li, 'thermos')) }, liaocheng);
    const claim = await w.claim(zhang, id);
    await w.deliver(zhang, claim.id, { note: '已送到村服务站，请李阿姨方便时领取', ...(await evidence(zhang)) });
  });
  await steps.once('wish:zhou-pending', async () => {
    await w.post(person('zhou'), { category: 'dailyLiving', title: '一个电饭锅', story: '家里失火后厨具都烧坏了，想要一个电饭锅先做饭。', budgetFen: 20000, ...(await withPhoto(person('zhou'), 'riceCooker')) });
  });
}
