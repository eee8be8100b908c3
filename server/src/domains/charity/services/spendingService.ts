import { findIdNumberProblem, formatYuan, ID_NUMBER_PROBLEM_MESSAGES, maskIdNumber, maskName, normalizeIdNumber, regionCovers, type SpendingBody, type SpendingList, type SpendingView } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import type { PiiCipher } from '../../../core/crypto/pii';
import { AppError } from '../../../core/errors/AppError';
import type { LedgerApi } from '../../ledger/api';
import type { CharityRepository } from '../repository';
import type { CharityProjectDoc } from '../models/project';
import type { CharitySpendingDoc } from '../models/spending';
import type { DonationTotals } from '../api';
import { spendingView } from '../views/projectViews';
import { viewerOf } from './access';
import { loadFor } from './projectService';
import type { ProjectStore } from './projectStore';

/** Attempts at the next sequence before a busy project answers CHARITY_BUSY (each loss means another line landed). */
const MAX_ATTEMPTS = 8;

/**
 * Spending lines. The project's lines form a sequence with a running total; a line lands only if it
 * is the first to take the next sequence, and only if the running total stays within what was
 * raised (the sum of confirmed donations, read fresh for every attempt). Aid to a named person is
 * then booked in their ledger as other help (app.ledger.otherHelp, idempotent by the line's id):
 * a retry of the same request (same requestKey) finds its line and books it again — a no-op.
 */
export function spendingService(deps: { repo: CharityRepository; store: ProjectStore; audit: AuditService; pii: PiiCipher; totals: DonationTotals; otherHelp: Pick<LedgerApi['otherHelp'], 'record'> }) {
  async function book(project: CharityProjectDoc, line: CharitySpendingDoc): Promise<void> {
    if (!line.beneficiaryKey) return;
    await deps.otherHelp.record({
      source: 'charity', sourceId: line._id, beneficiaryKey: line.beneficiaryKey, idNumberMasked: line.beneficiaryIdMasked ?? '', regionCode: line.beneficiaryRegionCode ?? project.regionCode,
      amountFen: line.amountFen, givenOn: line.spentOn, sourceRef: project._id, description: `${project.organizationName}「${project.title}」：${line.purpose}`, actorId: line.recordedBy,
    });
  }

  return {
    async record(ctx: ActionContext, projectId: string, body: SpendingBody): Promise<{ line: SpendingView; created: boolean }> {
      const project = await loadFor(deps, projectId, 'recordSpending', viewerOf(ctx.actor));
      if (!project.budgetLines.some((b) => b.id === body.budgetLineId)) {
        throw new AppError('CHARITY_BUDGET_LINE_UNKNOWN', { details: { fields: [{ path: '/budgetLineId', rule: 'budgetLine' }] } });
      }
      const named = body.kind !== 'general';
      if (named && !body.beneficiary) throw new AppError('CHARITY_BENEFICIARY_REQUIRED', { details: { fields: [{ path: '/beneficiary', rule: 'required' }] } });
      if (!named && body.beneficiary) {
        throw new AppError('VALIDATION_FAILED', { message: '项目支出（general）不写受助人；救助到人请选择现金（cash）或实物（inKind）', details: { fields: [{ path: '/beneficiary', rule: 'onlyForAid' }] } });
      }
      let beneficiary: { key: string; idMasked: string; nameMasked: string; regionCode: string } | null = null;
      if (named && body.beneficiary) {
        const idNumber = normalizeIdNumber(body.beneficiary.idNumber);
        const problem = findIdNumberProblem(idNumber);
        if (problem) throw new AppError('INVALID_ID_NUMBER', { message: ID_NUMBER_PROBLEM_MESSAGES[problem], details: { fields: [{ path: '/beneficiary/idNumber', rule: problem }] } });
        if (!regionCovers(project.regionCode, body.beneficiary.regionCode)) {
          throw new AppError('CHARITY_REGION_OUTSIDE', { message: '受助人所在地须在项目地区之内', details: { fields: [{ path: '/beneficiary/regionCode', rule: 'withinProject' }] } });
        }
        // Only the blind index (the ledger's key for the person) and masked forms are kept; never the number.
        beneficiary = { key: deps.pii.blindIndex(idNumber), idMasked: maskIdNumber(idNumber), nameMasked: maskName(body.beneficiary.name.trim()), regionCode: body.beneficiary.regionCode };
      }

      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const existing = await deps.repo.spendingByKey(projectId, body.requestKey);
        if (existing) {
          if (existing.amountFen !== body.amountFen || existing.beneficiaryKey !== (beneficiary?.key ?? null)) throw new AppError('CHARITY_SPENDING_KEY_REUSED');
          await book(project, existing);
          return { line: spendingView(existing), created: false };
        }
        const [last, raisedFen] = await Promise.all([deps.repo.lastSpending(projectId), deps.totals.raisedFen(projectId)]);
        const cumulativeFen = (last?.cumulativeFen ?? 0) + body.amountFen;
        if (cumulativeFen > raisedFen) {
          throw new AppError('CHARITY_SPENDING_OVER_RAISED', {
            message: `支出合计不能超过已筹得的善款：已筹 ${formatYuan(raisedFen)} 元，已支出 ${formatYuan(last?.cumulativeFen ?? 0)} 元`,
            details: { raisedFen, spentFen: last?.cumulativeFen ?? 0 },
          });
        }
        const sequence = (last?.sequence ?? 0) + 1;
        const peopleHelped = named ? 1 : body.peopleHelped ?? 0;
        const line: CharitySpendingDoc = {
          _id: `${projectId}:${String(sequence).padStart(6, '0')}`, projectId, sequence, requestKey: body.requestKey, organizationId: project.organizationId,
          regionCode: project.regionCode, amountFen: body.amountFen, cumulativeFen, spentOn: body.spentOn, purpose: body.purpose.trim(), budgetLineId: body.budgetLineId,
          kind: body.kind, peopleHelped, cumulativePeople: (last?.cumulativePeople ?? 0) + peopleHelped, beneficiaryKey: beneficiary?.key ?? null, beneficiaryIdMasked: beneficiary?.idMasked ?? null, beneficiaryRegionCode: beneficiary?.regionCode ?? null,
          beneficiaryNameMasked: beneficiary?.nameMasked ?? null, itemDescription: body.itemDescription?.trim() ?? null, recordedBy: ctx.actor._id, createdAt: new Date(),
        };
        if (await deps.repo.insertSpending(line)) {
          await deps.audit.record({ actorId: ctx.actor._id, action: 'charity.spendingRecord', subjectId: projectId, requestId: ctx.requestId, details: { amountFen: body.amountFen, kind: body.kind, named } });
          await book(project, line);
          return { line: spendingView(line), created: true };
        }
        // Lost the sequence to another line (or this request's retry won): read again.
      }
      throw new AppError('CHARITY_BUSY');
    },

    async list(ctx: ActionContext, projectId: string): Promise<SpendingList> {
      const project = await loadFor(deps, projectId, 'recordSpending', viewerOf(ctx.actor)).catch(async (err: unknown) => {
        // A closed or cancelled project's lines are still the organisation's to read.
        const p = await deps.store.load(projectId);
        if (err instanceof AppError && err.code === 'CHARITY_PROJECT_STATE_INVALID' && p) return p;
        throw err;
      });
      const [lines, raisedFen] = await Promise.all([deps.repo.spendingOf(project._id, 200), deps.totals.raisedFen(project._id)]);
      return { spending: lines.map(spendingView), spentFen: lines[0]?.cumulativeFen ?? 0, raisedFen };
    },
  };
}
export type SpendingService = ReturnType<typeof spendingService>;
