/**
 * The issue-12 contract's additions (/work contracts: schedule, relative and manual triggers;
 * assignOwner, webhook and startApproval actions; dry run, rerun and manual run routes), typed
 * here by hand because the generated API types (app/api/schema.d.ts) do not have them yet. When
 * the server's routes land and `npm run gen:api-types` brings them in, these wrappers can take
 * their types from there instead.
 */
import { api } from '../../../app/api/client.ts';
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
  api
    .post<{ data: Array<{ recordId: string; runId: string; status: string }> }>(`${rulePath(ruleId)}/run`, {
      recordIds,
    })
    .then((r) => r.data);
