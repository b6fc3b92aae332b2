/**
 * The automation calls beyond rule editing: dry run, rerun, manual runs and the manual rules a user
 * may start (their answers typed from the generated API types where the server names them), and the
 * schedule, relative and manual triggers and assignOwner, webhook and startApproval actions as the
 * editor's hand-written shapes (written before the generated types had them).
 */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { paths } from '../../../app/api/schema.d.ts';
import type { Run } from './automation.ts';

export type ContractTrigger =
  | { type: 'schedule'; cron: string }
  | { type: 'relative'; object: string; field: string; offsetDays: number; at: string }
  | { type: 'manual'; object: string };

export type ContractAction =
  | { type: 'assignOwner'; userId?: string }
  | { type: 'webhook'; url: string; headers?: Record<string, string> }
  | { type: 'startApproval'; [key: string]: unknown };

export interface DryRunResult {
  ruleId: string;
  version: number;
  evaluated: number;
  results: Array<{
    eventId: string;
    occurredAt: string;
    recordId: string | null;
    matched: boolean;
    conditions: Run['conditions'];
    actions: Array<{ type: string; input: unknown }>;
  }>;
}

/** A run as the rerun answers it: the contract adds where it started and what it reruns. */
export type RerunResult = Run & { rerunOf?: string | null; fromStep?: number | null };

const rulePath = (id: string) => `/automation-rules/${encodeURIComponent(id)}`;

/** Evaluates the rule against its last `limit` matching events; writes nothing. */
export const dryRunRule = (id: string, limit = 20) =>
  api.post<{ data: DryRunResult }>(`${rulePath(id)}/dry-run`, { limit }).then((r) => r.data);

/** A new run of a failed one, from its failed action (409 for a run that did not fail). */
export const rerunRun = (ruleId: string, runId: string) =>
  api.post<{ data: RerunResult }>(`${rulePath(ruleId)}/runs/${encodeURIComponent(runId)}/rerun`).then((r) => r.data);

/** Runs a manual rule on up to 100 records. */
export const runManually = (ruleId: string, recordIds: string[]) =>
  api.post<{ data: ManualRunResult }>(`${rulePath(ruleId)}/run`, { recordIds }).then((r) => r.data);

/** A manual rule a user may start on records of a type: a button on a record and on a list selection. */
export type ManualRule =
  paths['/api/v1/manual-rules']['get']['responses'][200]['content']['application/json']['data'][number];
type ManualRunResult =
  paths['/api/v1/automation-rules/{id}/run']['post']['responses'][200]['content']['application/json']['data'];

/** The manual rules the caller may start on records of `object` (none when they may not update it). */
export const manualRulesQuery = (object: string) =>
  queryOptions({
    queryKey: ['automation', 'manual-rules', object],
    queryFn: ({ signal }) => api.get<{ data: ManualRule[] }>('/manual-rules', { object }, signal).then((r) => r.data),
    staleTime: 60_000,
  });
