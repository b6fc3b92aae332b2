/** Files the access pages download: the permission matrix, approved exports and customer exports. */
import { fetchFile, fileNameOf, saveBlob } from '../../../app/api/transfer.ts';
import type { Approval } from './access.ts';

interface Data<T> {
  data: T;
}

export async function downloadMatrixXlsx(fallbackName: string): Promise<string> {
  const response = await fetchFile('/access/matrix?format=xlsx');
  const name = fileNameOf(response, fallbackName);
  saveBlob(await response.blob(), name);
  return name;
}

/** The one-time download of an approved export; a second try answers 410 GONE. */
export async function downloadExport(id: string, fallbackName: string): Promise<string> {
  const response = await fetchFile(`/exports/${encodeURIComponent(id)}/download`);
  const name = fileNameOf(response, fallbackName);
  saveBlob(await response.blob(), name);
  return name;
}

export interface ExportRequest {
  fields: string[];
  filter?: Record<string, unknown>;
  format: 'csv' | 'xlsx';
  reason?: string;
}

/** 200: the file, saved at once. 202: a pending approval (phone numbers included). */
export async function requestCustomerExport(
  body: ExportRequest,
  fallbackName: string,
): Promise<{ kind: 'file'; fileName: string } | { kind: 'approval'; approval: Approval }> {
  const response = await fetchFile('/customers/export', { method: 'POST', body });
  if (response.status === 202) {
    const { data } = (await response.json()) as Data<Approval>;
    return { kind: 'approval', approval: data };
  }
  const fileName = fileNameOf(response, fallbackName);
  saveBlob(await response.blob(), fileName);
  return { kind: 'file', fileName };
}
