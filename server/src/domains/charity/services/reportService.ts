import { squareFields } from './squareFields';
import { nextReportDue, shanghaiDate, type CharityNoticeList, type CharityReportView, type ReportBody } from '@dajiuzhu/shared';
import type { CharityConfig } from '@dajiuzhu/config';
import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import { sha256 } from '../../../core/crypto/pii';
import type { CharityRepository } from '../repository';
import type { CharityProjectDoc } from '../models/project';
import type { CharityNoticeDoc, CharityReportDoc } from '../models/report';
import type { DonationTotals } from '../api';
import { reportView } from '../views/projectViews';
import { viewerOf } from './access';
import { loadFor } from './projectService';
import type { ProjectStore } from './projectStore';
import type { CharityTextCheck } from './contentCheck';

const NOTICE_BATCH = 500;

/**
 * Reports. Filing one moves the next due day on (and lifts an overdue flag: the project returns to
 * the square), then tells every donor of the project in the app (one notice per report and donor,
 * insert wins, so a retried filing tells nobody twice).
 */
export function reportService(deps: { repo: CharityRepository; store: ProjectStore; audit: AuditService; config: CharityConfig; totals: DonationTotals; checkText: CharityTextCheck }) {
  const rule = { progressEveryMonths: deps.config.progressReportEveryMonths, finalWithinMonths: deps.config.finalReportWithinMonths };

  /** Moves the project's schedule on for this report, once (retried on a concurrent change of the project). */
  async function settle(ctx: ActionContext, projectId: string, report: CharityReportDoc): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const p = (await deps.store.load(projectId))!;
      if (p.lastReportId === report._id) return;
      const raising = p.status === 'published';
      const due = nextReportDue(rule, { type: report.kind === 'final' ? 'finalFiled' : 'progressFiled', day: shanghaiDate(report.filedAt), raising, currentDue: p.nextReportDue });
      try {
        await deps.store.commit(ctx, p, 'reportFiled', { nextReportDue: due, reportOverdue: false, ...squareFields(p.status, false), lastReportId: report._id }, report.title);
        return;
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'CHARITY_PROJECT_CHANGED')) throw err;
      }
    }
    throw new AppError('CHARITY_BUSY');
  }

  async function tellDonors(project: CharityProjectDoc, report: CharityReportDoc): Promise<number> {
    let batch: CharityNoticeDoc[] = [];
    let told = 0;
    const flush = async () => {
      const lost = await deps.repo.insertNotices(batch);
      told += batch.length - lost.size;
      batch = [];
    };
    for await (const userId of deps.totals.donorUserIds(project._id)) {
      batch.push({ _id: `${report._id}:${userId}`, userId, projectId: project._id, reportId: report._id, title: `「${project.title}」发布了${report.kind === 'final' ? '结项' : '进展'}报告：${report.title}`, at: report.filedAt, readAt: null });
      if (batch.length >= NOTICE_BATCH) await flush();
    }
    if (batch.length) await flush();
    return told;
  }

  return {
    async file(ctx: ActionContext, projectId: string, body: ReportBody): Promise<{ report: CharityReportView; created: boolean }> {
      const project = await loadFor(deps, projectId, 'fileReport', viewerOf(ctx.actor));
      if (body.kind === 'final' && project.status !== 'closed') {
        throw new AppError('CHARITY_PROJECT_STATE_INVALID', { message: '结项报告在项目结束后提交；募捐期间请提交进展报告' });
      }
      const id = `cr_${sha256(`${projectId}:${body.requestKey}`).slice(0, 20)}`;
      let report = await deps.repo.findReport(id);
      let created = false;
      if (!report) {
        await deps.checkText(ctx, { title: body.title, body: body.body });
        const [raisedFen, last] = await Promise.all([deps.totals.raisedFen(projectId), deps.repo.lastSpending(projectId)]);
        const doc: CharityReportDoc = { _id: id, projectId, organizationId: project.organizationId, kind: body.kind, title: body.title.trim(), body: body.body.trim(), raisedFen, spentFen: last?.cumulativeFen ?? 0, filedBy: ctx.actor._id, filedAt: new Date() };
        created = await deps.repo.insertReport(doc);
        report = created ? doc : (await deps.repo.findReport(id))!;
      }
      await settle(ctx, projectId, report);
      const told = await tellDonors(project, report);
      if (created) await deps.audit.record({ actorId: ctx.actor._id, action: 'charity.reportFile', subjectId: projectId, requestId: ctx.requestId, details: { kind: report.kind, donorsTold: told } });
      return { report: reportView(report), created };
    },

    /** The signed-in person's notices (reports of projects they gave to), newest first. */
    async notices(ctx: ActionContext): Promise<CharityNoticeList> {
      const rows = await deps.repo.noticesOf(ctx.actor._id, 100);
      return { notices: rows.map((n) => ({ id: n._id, projectId: n.projectId, reportId: n.reportId, title: n.title, at: n.at.toISOString() })) };
    },
  };
}
export type ReportService = ReturnType<typeof reportService>;
