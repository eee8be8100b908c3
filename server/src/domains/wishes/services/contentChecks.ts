import { charCount, findPersonalData, formatPrice, WISH_PHOTO_RULE } from '@dajiuzhu/shared';
import { budgetCapFor, type WishConfig } from '@dajiuzhu/config';
import { AppError } from '../../../core/errors/AppError';
import { CONTENT_LABELS, type ContentCheckClient } from '../../../core/adapters/wechat/contentCheck';
import type { FileService } from '../../../core/files/fileService';
import type { ActionContext } from '../../../core/context';

const FIELD_LABELS: Record<string, string> = { title: '心愿标题', story: '心愿故事', note: '送达说明', message: '感谢留言', displayName: '显示的名字', reason: '移除原因' };
/** Own keys only (the label WeChat answers with is input from outside, too). */
const fieldLabel = (field: string) => (Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field] : field);

/** 'review' when WeChat suggests a human look (the wish then carries contentFlag 'review'). */
export type ContentFlag = 'pass' | 'review';

export interface ContentCheckDeps {
  /** The openid WeChat's content check wants (core users service). */
  openidOf(userId: string): Promise<string | null>;
  config: WishConfig;
  files: Pick<FileService, 'assertOwned' | 'readPublic'>;
  contentCheck: ContentCheckClient;
}

/** What every text and photo of a wish passes before it is stored: limits, no personal data, WeChat's content security. */
export function contentChecks(deps: ContentCheckDeps) {
  const { config } = deps;
  return {
    /** Text: nothing personal, then WeChat's content security (scene 2 comment, 3 forum). */
    async checkText(ctx: ActionContext, fields: Record<string, string>, scene: 1 | 2 | 3 | 4): Promise<ContentFlag> {
      for (const [field, text] of Object.entries(fields)) {
        if (findPersonalData(text)) {
          throw new AppError('WISH_CONTENT_REJECTED', {
            message: `「${fieldLabel(field)}」里不要写手机号、身份证号或门牌号（这些信息不会公开），请删除后再提交`,
            details: { fields: [{ path: `/${field}`, rule: 'personalData' }] },
          });
        }
      }
      let flag: ContentFlag = 'pass';
      const openid = (await deps.openidOf(ctx.actor._id)) ?? ctx.actor._id;
      for (const [field, text] of Object.entries(fields)) {
        const v = await deps.contentCheck.checkText({ content: text, openid, scene });
        if (v.verdict === 'risky') {
          throw new AppError('WISH_CONTENT_REJECTED', {
            message: `「${fieldLabel(field)}」含有不宜公开的内容（${Object.hasOwn(CONTENT_LABELS, v.label) ? CONTENT_LABELS[v.label] : '其他'}），请修改这部分文字后再提交`,
            details: { fields: [{ path: `/${field}`, rule: 'contentRisky', label: v.label }] },
          });
        }
        if (v.verdict === 'review') flag = 'review';
      }
      return flag;
    },

    /**
     * Photos: the caller's own uploads of the right purpose (real images, stored without metadata by
     * the file service), the poster's word that they show no child's face, then the image check.
     */
    async checkPhotos(ctx: ActionContext, fileIds: readonly string[], purpose: 'wishPhoto' | 'deliveryPhoto', noChildFaces: boolean | undefined): Promise<ContentFlag> {
      let flag: ContentFlag = 'pass';
      const files = [];
      for (const [i, id] of fileIds.entries()) {
        const file = await deps.files.assertOwned(ctx, id, purpose).catch(() => null);
        if (!file || !file.contentType.startsWith('image/')) {
          throw new AppError('WISH_PHOTO_INVALID', { details: { fields: [{ path: `/photoFileIds/${i}`, rule: 'photo' }] } });
        }
        files.push(file);
      }
      if (files.length > 0 && noChildFaces !== true) {
        throw new AppError('WISH_PHOTO_RULE_NOT_CONFIRMED', { message: `请确认照片符合规则：${WISH_PHOTO_RULE}`, details: { fields: [{ path: '/noChildFaces', rule: 'photoRule' }] } });
      }
      for (const [i, file] of files.entries()) {
        const id = file._id;
        const read = await deps.files.readPublic(id);
        if (!read) throw new AppError('WISH_PHOTO_INVALID');
        const v = await deps.contentCheck.checkImage({ data: read.data, contentType: file.contentType, fileName: file.name });
        if (v.verdict === 'risky') {
          throw new AppError('WISH_CONTENT_REJECTED', { message: `第${i + 1}张照片未通过安全检测，请换一张只拍物品的照片`, details: { fields: [{ path: `/photoFileIds/${i}`, rule: 'contentRisky' }] } });
        }
        if (v.verdict === 'review') flag = 'review';
      }
      return flag;
    },

    /** Not empty, the story within the configured length, the budget within the region's cap. */
    checkLimits(regionCode: string, input: { title?: string; story?: string; budgetFen?: number }): void {
      if (input.title !== undefined && !input.title) throw new AppError('WISH_EMPTY', { details: { fields: [{ path: '/title', rule: 'empty' }] } });
      if (input.story !== undefined && !input.story) throw new AppError('WISH_EMPTY', { details: { fields: [{ path: '/story', rule: 'empty' }] } });
      if (input.story !== undefined && charCount(input.story) > config.storyMaxChars) {
        throw new AppError('WISH_STORY_TOO_LONG', { message: `心愿故事最多${config.storyMaxChars}个字，现在是${charCount(input.story)}个字，请精简后再提交`, details: { fields: [{ path: '/story', rule: 'maxChars', max: config.storyMaxChars }] } });
      }
      const cap = budgetCapFor(config, regionCode);
      if (input.budgetFen !== undefined && input.budgetFen > cap) {
        throw new AppError('WISH_OVER_BUDGET', { message: `心愿预算不能超过${formatPrice(cap)}（本地上限），请调低预算`, details: { fields: [{ path: '/budgetFen', rule: 'budgetCap', max: cap }] } });
      }
    },
  };
}
export type ContentChecks = ReturnType<typeof contentChecks>;
