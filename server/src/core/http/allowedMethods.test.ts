import { allowedMethodsTable } from './allowedMethods';

describe('the methods a path answers to', () => {
  const allowed = allowedMethodsTable([
    'GET /api/v1/files',
    'POST /api/v1/files',
    'GET /api/v1/files/:fileId',
    'GET /api/v1/staff/ledger/imports/:importId/report.csv',
    'GET /api/v1/near/:lat-:lng',
    'GET /api/v1/years/:year(^\\d{4}$)',
    'POST /a::b',
    'OPTIONS *',
    'GET /docs/*',
  ]);

  it('lists every registered method of the matching routes, HEAD with GET', () => {
    expect(allowed('/api/v1/files')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowed('/api/v1/files/4f0c1a9e')).toEqual(['GET', 'HEAD']);
    expect(allowed('/api/v1/staff/ledger/imports/i1/report.csv')).toEqual(['GET', 'HEAD']);
    expect(allowed('/api/v1/near/1.5-2.5')).toEqual(['GET', 'HEAD']);
    expect(allowed('/api/v1/years/2024')).toEqual(['GET', 'HEAD']);
    expect(allowed('/a:b')).toEqual(['POST']);
  });

  it('knows no method for a path no route matches; catch-all routes do not count', () => {
    expect(allowed('/api/v1/nothing')).toEqual([]);
    expect(allowed('/api/v1/files/a/b')).toEqual([]);
    expect(allowed('/api/v1/staff/ledger/imports/i1/reportXcsv')).toEqual([]);
    expect(allowed('/api/v1/years/24')).toEqual([]);
    expect(allowed('/docs/anything')).toEqual([]);
  });
});
