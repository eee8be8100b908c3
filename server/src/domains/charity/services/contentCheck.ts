import { findPersonalData } from '@dajiuzhu/shared';
import { AppError } from '../../../core/errors/AppError';
import { CONTENT_LABELS, type ContentCheckClient } from '../../../core/adapters/wechat/contentCheck';
import type { ActionContext } from '../../../core/context';

const LABELS: Record<string, string> = { title: '项目名称', story: '项目介绍', body: '报告正文', purpose: '用途' };
const label = (field: string) => (Object.hasOwn(LABELS, field) ? LABELS[field] : field);

/**
 * What a project's or report's public text passes before staff or the public see it: no personal
 * data (phones, ID numbers, house numbers), then WeChat's content security. 'review' asks staff
 * for a closer look; 'risky' is refused. The adapter's own outage code becomes this domain's.
 */
export function charityContentCheck(deps: { contentCheck: ContentCheckClient; openidOf(userId: string): Promise<string | null> }) {
  return async function checkText(ctx: ActionContext, fields: Record<string, string>): Promise<'pass' | 'review'> {
    for (const [field, text] of Object.entries(fields)) {
      if (findPersonalData(text)) {
        throw new AppError('CHARITY_CONTENT_REJECTED', {
          message: `「${label(field)}」里不要写手机号、身份证号或门牌号（这些内容会公开），请删除后再提交`,
          details: { fields: [{ path: `/${field}`, rule: 'personalData' }] },
        });
      }
    }
    const openid = (await deps.openidOf(ctx.actor._id)) ?? ctx.actor._id;
    let flag: 'pass' | 'review' = 'pass';
    for (const [field, text] of Object.entries(fields)) {
      const v = await deps.contentCheck.checkText({ content: text, openid, scene: 3 }).catch((err: unknown) => {
        if (err instanceof AppError && err.statusCode === 503) throw new AppError('CHARITY_CONTENT_CHECK_UNAVAILABLE');
        throw err;
      });
      if (v.verdict === 'risky') {
        throw new AppError('CHARITY_CONTENT_REJECTED', {
          message: `「${label(field)}」含有不宜公开的内容（${Object.hasOwn(CONTENT_LABELS, v.label) ? CONTENT_LABELS[v.label] : '其他'}），请修改后再提交`,
          details: { fields: [{ path: `/${field}`, rule: 'contentRisky', label: v.label }] },
        });
      }
      if (v.verdict === 'review') flag = 'review';
    }
    return flag;
  };
}
export type CharityTextCheck = ReturnType<typeof charityContentCheck>;
