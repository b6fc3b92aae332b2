/**
 * The reports API: metric definitions (口径) and their versions, dated FX rates, report runs with
 * drill-down and xlsx export, and the sealed monthly snapshots with their restatement.
 */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { components, paths } from '../../../app/api/schema.d.ts';
import { fetchFile, fileNameOf, saveBlob } from '../../../app/api/transfer.ts';

type Schemas = components['schemas'];
export type MetricDefinition = Schemas['MetricDefinition'];
export type MetricVersion = Schemas['MetricDefinitionVersion'];
export type DefinitionDocument = Schemas['MetricDefinitionDocument'];
export type ReportResult = Schemas['ReportResult'];
export type ReportRow = ReportResult['rows'][number];
export type ReportStamp = Schemas['ReportStamp'];
export type FxRate = Schemas['FxRate'];
export type Snapshot = Schemas['ReportSnapshot'];
type Json<P extends keyof paths, M extends 'get' | 'post', S extends 200 | 201> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
export type DrillResult = Json<'/api/v1/reports/drill', 'post', 200>['data'];
export type SnapshotList = Json<'/api/v1/snapshots', 'get', 200>;
export type Restatement = Json<'/api/v1/snapshots/{id}/restatement', 'get', 200>['data'];

export type Dimension = NonNullable<ReportRequest['groupBy']>[number];
export const dimensions: readonly Dimension[] = [
  'owner',
  'department',
  'region',
  'industry',
  'product',
  'month',
  'quarter',
  'stage',
  'ageBucket',
];

export interface ReportRequest {
  definitionId: string;
  version?: string;
  from: string;
  to: string;
  groupBy?: Array<
    'owner' | 'department' | 'region' | 'industry' | 'product' | 'month' | 'quarter' | 'stage' | 'ageBucket'
  >;
  restateUnder?: string;
}

export interface DraftInput {
  semver: string;
  validFrom: string;
  changeNote: string;
  document: DefinitionDocument;
}

interface Data<T> {
  data: T;
}

const KEY = 'reports';
const id = (value: string) => encodeURIComponent(value);

export const definitionsQuery = queryOptions({
  queryKey: [KEY, 'definitions'],
  queryFn: ({ signal }) =>
    api.get<Data<MetricDefinition[]>>('/metric-definitions', undefined, signal).then((r) => r.data),
});

export const definitionQuery = (definitionId: string) =>
  queryOptions({
    queryKey: [KEY, 'definitions', definitionId],
    queryFn: ({ signal }) =>
      api.get<Data<MetricDefinition>>(`/metric-definitions/${id(definitionId)}`, undefined, signal).then((r) => r.data),
  });

export const addDraftVersion = (definitionId: string, input: DraftInput) =>
  api.post<Data<MetricDefinition>>(`/metric-definitions/${id(definitionId)}/versions`, input).then((r) => r.data);

export const approveVersion = (definitionId: string, versionId: string) =>
  api
    .post<Data<MetricDefinition>>(`/metric-definitions/${id(definitionId)}/versions/${id(versionId)}/approve`)
    .then((r) => r.data);

export const rollbackDefinition = (
  definitionId: string,
  body: { toVersion: string; changeNote?: string; validFrom?: string },
) => api.post<Data<MetricDefinition>>(`/metric-definitions/${id(definitionId)}/rollback`, body).then((r) => r.data);

export const runReport = (body: ReportRequest) =>
  api.post<Data<ReportResult>>('/reports/run', body).then((r) => r.data);

export const reportQuery = (body: ReportRequest | null) =>
  queryOptions({
    queryKey: [KEY, 'run', body],
    queryFn: () => runReport(body!),
    enabled: body !== null,
    retry: false,
  });

export const drillReport = (body: ReportRequest & { cell: Record<string, string | null> }) =>
  api.post<Data<DrillResult>>('/reports/drill', body).then((r) => r.data);

/** The server's xlsx of the report, with the stamp under the table; saved at once. */
export async function exportReport(body: ReportRequest, fallbackName: string): Promise<string> {
  const response = await fetchFile('/reports/export', { method: 'POST', body });
  const name = fileNameOf(response, fallbackName);
  saveBlob(await response.blob(), name);
  return name;
}

export interface RateFilter {
  rateSet?: string;
  from?: string;
  to?: string;
}

export const ratesQuery = (filter: RateFilter) =>
  queryOptions({
    queryKey: [KEY, 'rates', filter],
    queryFn: ({ signal }) =>
      api
        .get<Data<FxRate[]>>('/fx-rates', { ...filter, limit: 500 } as Record<string, string | number>, signal)
        .then((r) => r.data),
  });

export interface ManualRate {
  base: string;
  quote: string;
  rateDate: string;
  rate: string;
}

export const enterRates = (body: { rateSet: string; reason: string; rates: ManualRate[] }) =>
  api.post<Data<{ stored: number }>>('/fx-rates', body).then((r) => r.data);

export const importRates = (body: {
  rateSet: string;
  source: string;
  format: 'csv' | 'xlsx';
  content: string;
  reason?: string;
}) => api.post<Data<{ stored: number; payloadHash: string }>>('/fx-rates/import', body).then((r) => r.data);

export const snapshotsQuery = queryOptions({
  queryKey: [KEY, 'snapshots'],
  queryFn: ({ signal }) => api.get<SnapshotList>('/snapshots', undefined, signal),
});

export const restatementQuery = (snapshotId: string, version?: string) =>
  queryOptions({
    queryKey: [KEY, 'snapshots', snapshotId, 'restatement', version ?? null],
    queryFn: ({ signal }) =>
      api
        .get<Data<Restatement>>(`/snapshots/${id(snapshotId)}/restatement`, version ? { version } : undefined, signal)
        .then((r) => r.data),
    retry: false,
  });

export const invalidateReports = [KEY];
