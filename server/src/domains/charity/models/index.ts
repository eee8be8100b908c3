import type { Connection } from 'mongoose';
import { ensureIndexes } from '../../../core/db/ensureIndexes';
import { registerOrganizationModel } from './organization';
import { registerProjectModels } from './project';
import { registerSpendingModel } from './spending';
import { registerReportModels } from './report';
import { registerPledgeModel } from './pledge';

/** The projects side's collections (organisations, projects and their events, spending, reports, notices, pledges). */
export function registerCharityModels(conn: Connection) {
  return {
    Organization: registerOrganizationModel(conn),
    ...registerProjectModels(conn),
    Spending: registerSpendingModel(conn),
    ...registerReportModels(conn),
    Pledge: registerPledgeModel(conn),
  };
}
export type CharityModels = ReturnType<typeof registerCharityModels>;
export const ensureCharityIndexes = (models: CharityModels) => ensureIndexes(models);
