/** The file-import API (/api/v1/imports) and the import channels it runs through, as typed calls. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import { fetchFile, fileNameOf, saveBlob, uploadMultipart } from '../../../app/api/transfer.ts';

interface Data<T> {
  data: T;
}

export interface MappingRule {
  source: string;
  target: string;
  sourceType?: string;
  maxLength?: number;
  transforms?: Array<{ op: string; [key: string]: unknown }>;
}

export interface ImportChannel {
  id: string;
  key: string;
  name: string;
  kind: string;
  mapping: MappingRule[];
  version: number;
}

export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'finished' | 'failed';

export interface ImportRecord {
  id: string;
  channelId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  columns: string[];
  status: ImportStatus;
  progress: { totalRows: number; processedRows: number; percent: number; rowsPerSecond: number; errors: number };
  counts: Record<'created' | 'updated' | 'unchanged' | 'review' | 'dead' | 'retrying' | 'queued' | 'repeated', number>;
  deadByReason: Record<string, number>;
  mappingWarnings: string[];
  lastError: string | null;
}

export type PreviewStatus = 'created' | 'updated' | 'unchanged' | 'review' | 'error';

export interface PreviewRow {
  row: number;
  status: PreviewStatus;
  recordId: string | null;
  fields: Array<{ field: string; before: unknown; after: unknown }>;
  reason: string | null;
  errors: string[];
  fieldErrors: Array<{ path: string; message: string }>;
}

export interface Preview {
  rows: PreviewRow[];
  summary: Record<PreviewStatus, number>;
  problems: string[];
  mappingWarnings: string[];
}

export const importChannelsQuery = queryOptions({
  queryKey: ['channels', 'import'],
  queryFn: async ({ signal }) =>
    (await api.get<Data<ImportChannel[]>>('/channels', undefined, signal)).data.filter((c) => c.kind === 'import'),
});

export const importQuery = (id: string) =>
  queryOptions({
    queryKey: ['imports', id],
    queryFn: async ({ signal }) =>
      (await api.get<Data<ImportRecord>>(`/imports/${encodeURIComponent(id)}`, undefined, signal)).data,
  });

export function uploadImport(channelId: string, file: File, onProgress?: (fraction: number) => void) {
  const form = new FormData();
  form.append('channelId', channelId);
  form.append('file', file, file.name);
  return uploadMultipart<Data<ImportRecord>>('/imports', form, onProgress);
}

export const saveMapping = (channel: ImportChannel, mapping: MappingRule[]) =>
  api.patch<Data<ImportChannel>>(`/channels/${encodeURIComponent(channel.id)}`, { mapping, version: channel.version });

export const previewImport = async (id: string, limit = 50) =>
  (await api.post<Data<Preview>>(`/imports/${encodeURIComponent(id)}/dry-run`, { limit })).data;

export const startImport = async (id: string) =>
  (await api.post<Data<ImportRecord>>(`/imports/${encodeURIComponent(id)}/start`)).data;

export async function downloadErrorReport(id: string, fallbackName: string): Promise<string> {
  const response = await fetchFile(`/imports/${encodeURIComponent(id)}/error-report`, { accept: 'text/csv' });
  const name = fileNameOf(response, fallbackName);
  saveBlob(await response.blob(), name);
  return name;
}

/** Done: nothing more will change without a new start. */
export const isSettled = (status: ImportStatus | undefined) => status === 'finished' || status === 'failed';
