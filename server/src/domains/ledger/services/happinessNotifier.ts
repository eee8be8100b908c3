import { shanghaiDate } from '@dajiuzhu/shared';
import type { LedgerRepository } from '../repository';
import { happinessPage, publishedMessageData } from '../messages';
import type { SubscribeMessageClient } from '../../../core/adapters/wechat/subscribeMessage';

/**
 * Who a notice reaches on WeChat: the account that VERIFIED the ID number (core's
 * `identity.verifiedUserIdsByBlindIndex` answers verified owners only; a claim reaches nobody), and its openid.
 */
export interface NoticeRecipients {
  verifiedUserIdsByBlindIndex(keys: readonly string[]): Promise<Map<string, string>>;
  wechatOpenIds(userIds: readonly string[]): Promise<Map<string, string>>;
}

/**
 * Subscribe messages for a year's pending notices (WeChat users who agreed); the in-app notice is
 * there either way. Each notice records what became of its message.
 */
export function happinessNotifier(deps: { repo: LedgerRepository; recipients: NoticeRecipients; subscribe: SubscribeMessageClient; templateId: string }) {
  return async function pushNotices(year: number): Promise<void> {
    const pending = await deps.repo.pendingNotices(year);
    if (!pending.length) return;
    const userByKey = await deps.recipients.verifiedUserIdsByBlindIndex([...new Set(pending.map((n) => n.beneficiaryKey))]);
    const openidByUser = await deps.recipients.wechatOpenIds([...new Set(userByKey.values())]);
    for (const n of pending) {
      const openid = openidByUser.get(userByKey.get(n.beneficiaryKey) ?? '');
      const outcome = openid
        ? await deps.subscribe.send({ openid, templateId: deps.templateId, page: happinessPage(n.year), data: publishedMessageData(n.year, n.version, shanghaiDate(n.createdAt)) })
        : 'noWechat';
      await deps.repo.setNoticePush(n._id, outcome);
    }
  };
}
