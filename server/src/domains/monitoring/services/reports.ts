import {
  REPORT_STATUS_LABELS, findContactNumbers, reportStatusOf, shanghaiDate, type AlertLevel, type HardshipReportBody, type HelpRequestBody, type MyReportView,
} from '@dajiuzhu/shared';
import type { AlertDoc } from '../models/monitoring';
import type { MonitoringRepository } from '../repository';
import { reportIdOf, type DeadlineOf } from './alertStore';
import { unavailable } from './photos';
import type { ContentCheckClient } from '../../../core/adapters/wechat/contentCheck';
import { takeNumber, type NumberedStore } from '../../../core/db/numbered';
import type { Services } from '../../../core/services';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';

const CATEGORY_TEXT: Record<string, string> = { medical: '看病就医', living: '基本生活', disability: '残疾', schooling: '上学', housing: '住房', other: '其他' };

function myView(a: AlertDoc): MyReportView {
  const status = reportStatusOf(a.status);
  return { id: a._id, kind: a.origin === 'helpRequest' ? 'helpRequest' : 'hardshipReport', status, statusLabel: REPORT_STATUS_LABELS[status], text: a.report?.text ?? '', createdAt: new Date(a.createdAt).toISOString() };
}

/**
 * 一键求助 (for oneself) and 随手拍 (someone else in difficulty) from any signed-in resident: each
 * becomes an alert in the same queue as the data's. Refused before anything is stored: a text with
 * a phone or ID number (someone's personal data in a free text), content WeChat calls risky, a photo
 * that is not the reporter's own image. At most `perDay` a day per account (numbered series, insert
 * wins); a retried submit (same request key) is the same report. The reporter sees the status only.
 */
export function reportService(deps: {
  repo: MonitoringRepository; numbers: NumberedStore; core: Pick<Services, 'audit' | 'profiles' | 'users'>; contentCheck: ContentCheckClient;
  attachPhotos: (ctx: ActionContext, ids: readonly string[], regionCode: string) => Promise<void>; deadlineOf: DeadlineOf; perDay: number;
}) {
  const { repo, core } = deps;

  async function checkText(ctx: ActionContext, text: string): Promise<void> {
    const found = findContactNumbers(text);
    if (found.length) throw new AppError('MONITORING_TEXT_HAS_CONTACT', { details: { found, fields: [{ path: '/text', rule: 'contactNumber' }] } });
    const openid = (await core.users.openidOf(ctx.actor._id)) ?? ctx.actor._id;
    const v = await deps.contentCheck.checkText({ content: text, openid, scene: 2 }).catch(unavailable);
    if (v.verdict === 'risky') throw new AppError('MONITORING_CONTENT_REJECTED', { details: { fields: [{ path: '/text', rule: 'contentRisky' }] } });
  }

  /** The report already made with this key (a retry), or null. */
  async function existing(ctx: ActionContext, id: string): Promise<AlertDoc | null> {
    const a = await repo.findAlert(id);
    return a && a.reporterId === ctx.actor._id ? a : null;
  }

  async function file(ctx: ActionContext, doc: AlertDoc): Promise<MyReportView> {
    if ((await takeNumber(deps.numbers, `${ctx.actor._id}:${shanghaiDate()}`, doc._id, deps.perDay)) === null) throw new AppError('MONITORING_REPORT_LIMIT');
    if (!(await repo.insertAlert(doc))) {
      const won = await existing(ctx, doc._id);
      if (won) return myView(won);
      throw new AppError('CONFLICT');
    }
    await core.audit.record({ actorId: ctx.actor._id, action: `monitoring.${doc.origin}.create`, subjectId: doc.personKey, requestId: ctx.requestId, details: { alertId: doc._id, regionCode: doc.regionCode } });
    return myView(doc);
  }

  const base = (ctx: ActionContext, id: string, level: AlertLevel, at: Date): Pick<AlertDoc, '_id' | 'sequence' | 'ruleId' | 'ruleKind' | 'period' | 'level' | 'status' | 'reporterId' | 'assignee' | 'assigneeId' | 'visits' | 'outcome' | 'deadline' | 'evaluationId' | 'createdAt' | 'updatedAt' | 'closedAt'> => ({
    _id: id, sequence: 0, ruleId: '', ruleKind: '', period: shanghaiDate(at).slice(0, 7), level, status: 'open', reporterId: ctx.actor._id,
    assignee: null, assigneeId: '', visits: [], outcome: null, deadline: deps.deadlineOf(level, at), evaluationId: '', createdAt: at, updatedAt: at, closedAt: null,
  });

  return {
    async helpRequest(ctx: ActionContext, body: HelpRequestBody): Promise<MyReportView> {
      const id = reportIdOf(ctx.actor._id, body.requestKey);
      const again = await existing(ctx, id);
      if (again) return myView(again);
      const profile = await core.profiles.findById(ctx.actor._id);
      if (!profile?.regionCode) throw new AppError('MONITORING_PROFILE_REQUIRED');
      await checkText(ctx, body.text);
      const person = await repo.findPerson(profile.idNumberBlindIndex);
      const at = new Date();
      const category = body.category ? CATEGORY_TEXT[body.category] : '';
      return file(ctx, {
        ...base(ctx, id, 'orange', at), origin: 'helpRequest', source: 'helpRequest', personKey: profile.idNumberBlindIndex, subjectName: profile.name, idNumberMasked: profile.idNumberMasked,
        group: person?.group ?? null, householdSize: person?.householdSize ?? null, householdIncomeFen: person?.householdIncomeFen ?? null, regionCode: profile.regionCode,
        evidence: { summary: `居民一键求助${category ? `（${category}）` : ''}：${body.text}`, items: [], measuredFen: null, thresholdFen: null, sharePercent: null, thresholdPercent: null },
        report: { text: body.text, address: '', photoFileIds: [] },
        timeline: [{ action: 'report', at, actorId: ctx.actor._id, note: '一键求助' }],
      });
    },

    async hardshipReport(ctx: ActionContext, body: HardshipReportBody): Promise<MyReportView> {
      const id = reportIdOf(ctx.actor._id, body.requestKey);
      const again = await existing(ctx, id);
      if (again) return myView(again);
      await checkText(ctx, `${body.text}\n${body.address}`);
      const photos = body.photoFileId ? [body.photoFileId] : [];
      await deps.attachPhotos(ctx, photos, body.regionCode);
      const at = new Date();
      return file(ctx, {
        ...base(ctx, id, 'yellow', at), origin: 'hardshipReport', source: 'hardshipReport', personKey: '', subjectName: '', idNumberMasked: '',
        group: null, householdSize: null, householdIncomeFen: null, regionCode: body.regionCode,
        evidence: { summary: `随手拍：${body.text}（${body.address}）`, items: [], measuredFen: null, thresholdFen: null, sharePercent: null, thresholdPercent: null },
        report: { text: body.text, address: body.address, photoFileIds: photos },
        timeline: [{ action: 'report', at, actorId: 'reporter', note: '随手拍' }],
      });
    },

    async mine(ctx: ActionContext): Promise<{ reports: MyReportView[] }> {
      return { reports: (await repo.reportsOf(ctx.actor._id)).map(myView) };
    },
  };
}
export type ReportService = ReturnType<typeof reportService>;
