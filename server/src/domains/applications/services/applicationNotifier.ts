import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { programmeName, shanghaiDate } from '@dajiuzhu/shared';
import type { SubscribeMessageClient } from '../../../core/adapters/wechat/subscribeMessage';
import type { CaseMessage } from '../messages';
import type { ApplicationDoc } from '../models/application';
import type { AppMessageDoc } from '../models/message';

/**
 * Tells the people of a case what happened: an in-app message to the filer and to the person
 * concerned (when an account is verified as them — looked up at each message, so a person who
 * verifies later hears of the rest, and an account that merely typed their ID number never does),
 * and a WeChat subscribe message where a template is configured and the person signed in with
 * WeChat. A filer who is not that verified person (a helper, or an account filing under a number it
 * has not proved) gets the message without the benefit (`filerBody`). A failed message never fails
 * the transition.
 */
export function applicationNotifier(deps: {
  addMessage(message: AppMessageDoc): Promise<unknown>;
  /** The WeChat openids a user signed in with. */
  wechatOpenIds(userId: string): Promise<string[]>;
  /** The verified account of the person with this ID number (blind index), if any. */
  personAccount(blindIndex: string): Promise<string | null>;
  subscribe: SubscribeMessageClient;
  templateId: string;
  page: string;
  log: FastifyBaseLogger;
}) {
  return {
    async notify(app: ApplicationDoc, message: CaseMessage, statusLabel: string) {
      const person = await deps.personAccount(app.applicant.idNumberBlindIndex).catch(() => null);
      const people = [...new Set([app.filedBy, person].filter((u): u is string => !!u))];
      for (const userId of people) {
        const body = userId !== person && message.filerBody !== undefined ? message.filerBody : message.body;
        try {
          await deps.addMessage({ _id: randomUUID(), userId, applicationId: app._id, title: message.title, body, createdAt: new Date(), read: false });
        } catch (err) {
          deps.log.warn({ err, applicationId: app._id }, 'in-app message not saved');
        }
        if (!deps.templateId) continue;
        const openids = await deps.wechatOpenIds(userId).catch(() => []);
        for (const openid of openids) {
          const outcome = await deps.subscribe.send({
            openid,
            templateId: deps.templateId,
            page: `${deps.page}?id=${app._id}`,
            data: { thing1: programmeName(app.programme), phrase2: statusLabel, time3: shanghaiDate(), thing4: message.title },
          });
          if (outcome === 'failed') deps.log.warn({ applicationId: app._id }, 'subscribe message not sent');
        }
      }
    },
  };
}
export type ApplicationNotifier = ReturnType<typeof applicationNotifier>;
