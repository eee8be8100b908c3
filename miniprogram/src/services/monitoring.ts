/**
 * 低收入人口动态监测 (issue 10) API calls, typed by the shared schemas the server validates with:
 * the grid worker's tasks and visits, the staff alert desk, imports and the dashboard, and the
 * residents' 一键求助 / 随手拍. Every call goes through the one request layer.
 */
import Taro from '@tarojs/taro';
import type {
  AlertDetailView, AlertList, EvaluationView, AssigneeList, AssignBody, HardshipReportBody, HelpRequestBody, MonitoringDashboard,
  MonitoringImportReport, MonitoringImportView, MonitoringSourceList, MyReportView, RecordVisitBody, TaskList,
} from '@dajiuzhu/shared';
import { apiPath, request, upload, type QueryParams, type UploadSource } from './request';
import { pickFile } from './files';

export interface AlertFilter {
  status?: 'open' | 'assigned' | 'visited' | 'closed';
  level?: 'red' | 'orange' | 'yellow';
  source?: string;
  overdue?: boolean;
  regionCode?: string;
  limit?: number;
}

export type ImportSource = MonitoringImportView['source'];
export interface MyReportList { reports: MyReportView[] }
export interface StoredFile { id: string; name: string; contentType: string; size: number; createdAt: string }

const alertPath = (alertId: string, action: string) => apiPath`/api/v1/staff/monitoring/alerts/${alertId}/${action}`;

export const monitoringApi = {
  // ---- grid worker (and a staff member an alert is assigned to)
  tasks: () => request<TaskList>({ path: '/api/v1/monitoring/tasks' }),
  task: (alertId: string) => request<AlertDetailView>({ path: apiPath`/api/v1/monitoring/tasks/${alertId}` }),
  recordVisit: (alertId: string, body: RecordVisitBody) => request<AlertDetailView>({ method: 'POST', path: apiPath`/api/v1/monitoring/tasks/${alertId}/visits`, body }),

  // ---- staff: the alert desk
  alerts: (f: AlertFilter = {}) => request<AlertList>({ path: '/api/v1/staff/monitoring/alerts', query: f as QueryParams }),
  alert: (alertId: string) => request<AlertDetailView>({ path: apiPath`/api/v1/staff/monitoring/alerts/${alertId}` }),
  assignees: (regionCode?: string) => request<AssigneeList>({ path: '/api/v1/staff/monitoring/assignees', query: { regionCode } }),
  assign: (alertId: string, body: AssignBody) => request<AlertDetailView>({ method: 'POST', path: alertPath(alertId, 'assign'), body }),
  confirm: (alertId: string, note?: string) => request<AlertDetailView>({ method: 'POST', path: alertPath(alertId, 'confirm'), body: note ? { note } : {} }),
  returnForRevisit: (alertId: string, reason: string) => request<AlertDetailView>({ method: 'POST', path: alertPath(alertId, 'return'), body: { reason } }),
  dismiss: (alertId: string, reason: string) => request<AlertDetailView>({ method: 'POST', path: alertPath(alertId, 'dismiss'), body: { reason } }),
  dashboard: (regionCode?: string) => request<MonitoringDashboard>({ path: '/api/v1/staff/monitoring/dashboard', query: { regionCode } }),

  // ---- staff: department data
  sources: () => request<MonitoringSourceList>({ path: '/api/v1/staff/monitoring/sources' }),
  importFile: (source: ImportSource, file: UploadSource) => upload<MonitoringImportView>({ path: '/api/v1/staff/monitoring/imports', query: { source, encoding: 'auto' }, file }),
  importJob: (importId: string) => request<MonitoringImportView>({ path: apiPath`/api/v1/staff/monitoring/imports/${importId}` }),
  evaluation: (evaluationId: string) => request<EvaluationView>({ path: apiPath`/api/v1/staff/monitoring/evaluations/${evaluationId}` }),
  importReport: (importId: string) => request<MonitoringImportReport>({ path: apiPath`/api/v1/staff/monitoring/imports/${importId}/report`, query: { limit: 100 } }),

  // ---- residents
  helpRequest: (body: HelpRequestBody) => request<MyReportView>({ method: 'POST', path: '/api/v1/monitoring/help-requests', body }),
  hardshipReport: (body: HardshipReportBody) => request<MyReportView>({ method: 'POST', path: '/api/v1/monitoring/hardship-reports', body }),
  myReports: () => request<MyReportList>({ path: '/api/v1/monitoring/my-reports' }),
};

/**
 * A photo taken now (weapp: the camera or the album through chooseMedia; H5: the file picker, which
 * a phone's browser offers with its camera), uploaded as a document. Null when cancelled.
 */
export async function capturePhoto(): Promise<StoredFile | null> {
  let file: UploadSource | null = null;
  if (process.env.TARO_ENV === 'h5') {
    file = await pickFile({ accept: 'image/jpeg,image/png,image/webp', extensions: ['jpg', 'jpeg', 'png', 'webp'] });
  } else {
    try {
      const r = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
      const path = r.tempFiles[0]?.tempFilePath;
      if (path) file = { path, name: path.split('/').pop() ?? 'photo.jpg' };
    } catch {
      return null; // cancelled
    }
  }
  if (!file) return null;
  return upload<StoredFile>({ path: '/api/v1/files', query: { purpose: 'document' }, file });
}
