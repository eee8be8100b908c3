/** 微心愿 categories and their Chinese labels (the API uses the code names). */
export const WISH_CATEGORIES = ['study', 'dailyLiving', 'health', 'elderlyCare', 'festival', 'other'] as const;
export type WishCategoryName = (typeof WISH_CATEGORIES)[number];

export const WISH_CATEGORY_LABELS: Record<WishCategoryName, string> = {
  study: '学习用品',
  dailyLiving: '生活用品',
  health: '健康护理',
  elderlyCare: '养老助老',
  festival: '节日心愿',
  other: '其他',
};

/** How a fulfilled wish reaches the person. Never a home address: by default the community office. */
export const WISH_DELIVERY_METHODS = ['communityOffice', 'communityWorker'] as const;
export type WishDeliveryName = (typeof WISH_DELIVERY_METHODS)[number];
export const WISH_DELIVERY_LABELS: Record<WishDeliveryName, string> = {
  communityOffice: '送到社区（村）服务站，由工作人员转交',
  communityWorker: '送到社区（村）服务站，由网格员送达本人',
};

/** Hard limits every region shares; the configurable ones (budget cap, …) are checked by the server. */
export const WISH_TITLE_MAX_CHARS = 30;
export const WISH_STORY_MAX_CHARS = 300;
export const WISH_NOTE_MAX_CHARS = 200;
export const WISH_MAX_PHOTOS = 3;
export const WISH_BUDGET_HARD_MAX_FEN = 1_000_000;
export const WISH_DISPLAY_NAME_MAX_CHARS = 20;

/**
 * The posting rule for photos (wish and delivery): only the item, never a child's face. The poster
 * confirms it (`noChildFaces: true`) for every post with photos; staff remove a photo that breaks it.
 */
export const WISH_PHOTO_RULE = '只拍物品：照片里不能有儿童的面部，也不要拍门牌、证件和聊天记录';

/** The public name of a donor who chose to stay anonymous (certificate, thanks, square). */
export const ANONYMOUS_DONOR_NAME = '匿名爱心人士';

/** Counts characters as a person sees them (a Chinese character or an emoji is one). */
export function charCount(text: string): number {
  return Array.from(text).length;
}
