/**
 * The automation rules API (server/workflows/workflow-routes.ts): rules, their runs, as typed
 * calls and react-query options. The trigger and action kinds and the routes that the generated
 * types do not have yet (dry run, rerun, manual run: the issue-12 contract) are typed in
 * ./contract.ts; the editor works on those wider shapes.
 */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { components } from '../../../app/api/schema.d.ts';
import type { ContractAction, ContractTrigger } from './contract.ts';

type Schemas = components['schemas'];
type GeneratedRule = Schemas['AutomationRule'];
export type Condition = Schemas['AutomationConditionInput'];
export type Scalar = Extract<Condition, { op: 'compare' }>['value'];
export type Run = Schemas['AutomationRun'];
export type RunStatus = Run['status'];
export type ConditionStep = NonNullable<Run['conditions']>['steps'][number];
export type ActionStep = Run['actions'][number];

/** A trigger or an action: the generated kinds plus the contract's new ones. */
export type Trigger = GeneratedRule['trigger'] | ContractTrigger;
export type Action = GeneratedRule['actions'][number] | ContractAction;

/** A rule as the pages see it (the server may already send the contract's new kinds and fields). */
export type Rule = Omit<GeneratedRule, 'trigger' | 'actions'> & {
  trigger: Trigger;
  actions: Action[];
  maxRunsPerHour?: number | null;
};

/** What the editor saves. */
export interface RuleInput {
  name: string;
  trigger: Trigger;
  conditions: Condition | null;
  actions: Action[];
  enabled?: boolean;
  ownerId?: string;
  serviceUserId: string | null;
  maxFailures: number;
  maxRunsPerHour?: number;
}

export const runStatuses: readonly RunStatus[] = ['running', 'succeeded', 'skipped', 'failed', 'stopped'];

interface Data<T> {
  data: T;
}

const KEY = 'automation';
const rulePath = (id: string) => `/automation-rules/${encodeURIComponent(id)}`;

export const rulesQuery = queryOptions({
  queryKey: [KEY, 'rules'],
  queryFn: ({ signal }) => api.get<Data<Rule[]>>('/automation-rules', undefined, signal).then((r) => r.data),
});

export const ruleQuery = (id: string) =>
  queryOptions({
    queryKey: [KEY, 'rules', id],
    queryFn: ({ signal }) => api.get<Data<Rule>>(rulePath(id), undefined, signal).then((r) => r.data),
  });

export const runsQuery = (id: string, status?: RunStatus) =>
  queryOptions({
    queryKey: [KEY, 'rules', id, 'runs', status ?? 'all'],
    queryFn: ({ signal }) =>
      api
        .get<Data<Run[]>>(`${rulePath(id)}/runs`, { limit: 50, ...(status ? { status } : {}) }, signal)
        .then((r) => r.data),
  });

export const createRule = (input: RuleInput) => api.post<Data<Rule>>('/automation-rules', input).then((r) => r.data);

export const updateRule = (id: string, input: Partial<RuleInput> & { version: number }) =>
  api.patch<Data<Rule>>(rulePath(id), input).then((r) => r.data);

export const deleteRule = (id: string) => api.delete(rulePath(id));

export const automationKey = [KEY] as const;

/** A rule's newest run (the rule list's "last run" column). */
export const lastRunQuery = (id: string) =>
  queryOptions({
    queryKey: [KEY, 'rules', id, 'runs', 'last'],
    queryFn: ({ signal }) =>
      api.get<Data<Run[]>>(`${rulePath(id)}/runs`, { limit: 1 }, signal).then((r) => r.data[0] ?? null),
  });
