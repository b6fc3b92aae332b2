/** The consistency scan's API: the latest findings, a scan on demand, one-click fixes (merge needs step-up). */
import { queryOptions } from '@tanstack/react-query';
import {
  API_BASE,
  ApiError,
  api,
  handleStatus,
  sessionHeaders,
  tokenStore,
  toApiError,
} from '../../../app/api/client.ts';
import type { components } from '../../../app/api/schema.d.ts';

export type ConsistencyFinding = components['schemas']['ConsistencyFinding'];
export type ConsistencyReport = components['schemas']['ConsistencyReport'];

export const consistencyKey = ['integrations', 'consistency'] as const;

export const findingsQuery = (open: boolean) =>
  queryOptions({
    queryKey: [...consistencyKey, open ? 'open' : 'all'],
    queryFn: ({ signal }) =>
      api.get<{ report: ConsistencyReport | null; data: ConsistencyFinding[]; nextCursor: string | null }>(
        '/consistency/findings',
        { open: open ? 'true' : undefined, limit: 500 },
        signal,
      ),
  });

export const runScan = () =>
  api
    .post<{ data: { reportId: string; findings: number; byCheck: Record<string, number> } }>('/consistency/scan')
    .then((r) => r.data);

/** Applies a finding's one-click fix; a merge sends the step-up token (`x-step-up-token`). */
export async function fixFinding(id: string, stepUpToken?: string): Promise<void> {
  const token = tokenStore.get();
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    ...sessionHeaders(token),
    ...(stepUpToken ? { 'x-step-up-token': stepUpToken } : {}),
  };
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/consistency/findings/${encodeURIComponent(id)}/fix`, {
      method: 'POST',
      headers,
      body: '{}',
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    handleStatus(response.status, token);
    throw error;
  }
}

export const sendStepUpCode = (employeeNo: string) =>
  api.post<{ data: { sentTo: string; expiresAt: string } }>('/auth/step-up', { employeeNo }).then((r) => r.data);

export const verifyStepUp = (code: string) =>
  api.post<{ data: { stepUpToken: string; expiresAt: string } }>('/auth/step-up/verify', { code }).then((r) => r.data);
