/**
 * The access-control API (roles, user roles, matrix, inheritance audit, explain, simulate,
 * approvals, exports) as typed calls and react-query options.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, request } from '../../../app/api/client.ts';

import type {
  accessActions,
  accessObjects,
  dataScopes,
  fieldRuleKinds,
  systemPermissions,
} from '../../../../../common/access-vocabulary.ts';

export {
  accessObjects,
  accessActions,
  systemPermissions,
  dataScopes,
  fieldRuleKinds,
  isNonInheritable,
  MAX_INHERITANCE_DEPTH,
  SYSTEM_OBJECT,
} from '../../../../../common/access-vocabulary.ts';

export type AccessObject = (typeof accessObjects)[number];
export type AccessAction = (typeof accessActions)[number];
export type SystemPermission = (typeof systemPermissions)[number];
export type DataScope = (typeof dataScopes)[number];
export type FieldRuleKind = (typeof fieldRuleKinds)[number];

export interface Grant {
  object: string;
  action: string;
  scope: string;
  filter: Record<string, unknown> | null;
}

export interface FieldRule {
  object: string;
  field: string;
  rule: string;
}

export interface Role {
  id: string;
  name: string;
  description: string | null;
  parentRoleId: string | null;
  status: string;
  statusReason: string | null;
  suspendedReason: string | null;
  isSystem: boolean;
  chain: string[];
  depth: number;
  holders: number;
  grants: Grant[];
  fieldRules: FieldRule[];
  version: number;
}

export interface RoleInput {
  name?: string;
  description?: string | null;
  parentRoleId?: string | null;
  status?: 'active' | 'disabled';
  grants?: Array<{ object: string; action: string; scope: string; filter?: Record<string, unknown> | null }>;
  fieldRules?: FieldRule[];
  version?: number;
}

import type { MatrixRole } from '../../../../../common/access-vocabulary.ts';

export type { MatrixCell, MatrixRole } from '../../../../../common/access-vocabulary.ts';

export interface Matrix {
  leastPrivilege: boolean;
  objects: string[];
  actions: string[];
  systemPermissions: string[];
  roles: MatrixRole[];
}

export interface AuditRole {
  id: string;
  name: string;
  status: string;
  chain: string[];
  depth: number;
  cycle: boolean;
  suspendedReason: string | null;
}

export interface AuditAlert {
  roleId: string;
  name: string;
  chain: string[];
  depth: number;
  reason: string;
  fix: string;
}

export interface InheritanceAudit {
  maxDepth: number;
  roles: AuditRole[];
  alerts: AuditAlert[];
}

export interface ExplainGrant {
  scope: string;
  via: string[];
  matched: boolean;
  combined: boolean;
}

export interface ExplainAction {
  action: string;
  allowed: boolean;
  reason: string;
  grants: ExplainGrant[];
}

export interface Explanation {
  user: { id: string; username: string; displayName: string; isActive: boolean };
  record: { type: string; id: string; object: string };
  sandboxUntil: string | null;
  leastPrivilege: boolean;
  fieldRules: Record<string, string>;
  actions: ExplainAction[];
}

export type SimulateChange =
  | { op: 'addUserRole' | 'removeUserRole'; userId: string; roleId: string }
  | { op: 'setRoleParent'; roleId: string; parentRoleId: string | null }
  | { op: 'setGrant'; roleId: string; object: string; action: string; scope: string };

export interface SimulateEffect {
  object: string;
  action: string;
  gained: number;
  lost: number;
  gainedSample: string[];
  lostSample: string[];
}

export interface SimulateUser {
  userId: string;
  username: string;
  displayName: string;
  effects: SimulateEffect[];
  systemGained: string[];
  systemLost: string[];
  newRisks: string[];
}

export interface SimulateResult {
  changes: number;
  users: SimulateUser[];
  applied: boolean;
}

export const approvalKinds = ['contract_delete', 'export'] as const;
export const approvalStatuses = ['pending', 'approved', 'rejected', 'executed', 'failed', 'cancelled'] as const;
export type ApprovalKind = (typeof approvalKinds)[number];
export type ApprovalStatus = (typeof approvalStatuses)[number];

export interface Approval {
  id: string;
  kind: ApprovalKind;
  status: ApprovalStatus;
  requestedBy: string;
  requestedByName: string | null;
  payload: Record<string, unknown>;
  reason: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  result: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface UserLite {
  id: string;
  username?: string;
  displayName: string;
  isActive?: boolean;
  hireDate?: string | null;
  masked?: boolean;
}

interface Data<T> {
  data: T;
}
interface PageOf<T> {
  data: T[];
  nextCursor: string | null;
}

// ---------- queries ----------

export const accessKeys = {
  all: ['access'] as const,
  roles: ['access', 'roles'] as const,
  matrix: ['access', 'matrix'] as const,
  audit: ['access', 'inheritance-audit'] as const,
  users: ['access', 'users'] as const,
  userRoles: (userId: string) => ['access', 'user-roles', userId] as const,
  explain: (userId: string, recordType: string, recordId: string) =>
    ['access', 'explain', userId, recordType, recordId] as const,
  approvals: ['access', 'approvals'] as const,
};

export const rolesQuery = queryOptions({
  queryKey: accessKeys.roles,
  queryFn: ({ signal }) => api.get<Data<Role[]>>('/roles', undefined, signal).then((r) => r.data),
});

export const matrixQuery = queryOptions({
  queryKey: accessKeys.matrix,
  queryFn: ({ signal }) => api.get<Data<Matrix>>('/access/matrix', undefined, signal).then((r) => r.data),
});

export const auditQuery = queryOptions({
  queryKey: accessKeys.audit,
  queryFn: ({ signal }) =>
    api.get<Data<InheritanceAudit>>('/access/inheritance-audit', undefined, signal).then((r) => r.data),
});

export const usersQuery = queryOptions({
  queryKey: accessKeys.users,
  queryFn: ({ signal }) =>
    api
      .get<PageOf<UserLite>>(
        '/users',
        { limit: 200, sort: 'username', fields: ['username', 'displayName', 'isActive', 'hireDate'] },
        signal,
      )
      .then((r) => r.data.filter((u) => !u.masked)),
  staleTime: 60_000,
});

export const userRolesQuery = (userId: string) =>
  queryOptions({
    queryKey: accessKeys.userRoles(userId),
    queryFn: ({ signal }) =>
      api
        .get<Data<Array<{ id: string; name: string }>>>(`/users/${encodeURIComponent(userId)}/roles`, undefined, signal)
        .then((r) => r.data),
  });

export const explainQuery = (userId: string, recordType: string, recordId: string) =>
  queryOptions({
    queryKey: accessKeys.explain(userId, recordType, recordId),
    queryFn: ({ signal }) =>
      api.get<Data<Explanation>>('/access/explain', { userId, recordType, recordId }, signal).then((r) => r.data),
    staleTime: 0,
  });

export interface ApprovalFilters {
  status?: ApprovalStatus;
  kind?: ApprovalKind;
  mine?: boolean;
}

export function fetchApprovals(filters: ApprovalFilters, cursor: string | null, signal?: AbortSignal) {
  return api.get<PageOf<Approval>>(
    '/approvals',
    {
      status: filters.status,
      kind: filters.kind,
      mine: filters.mine ? 'true' : undefined,
      limit: 50,
      cursor: cursor ?? undefined,
    },
    signal,
  );
}

// ---------- mutations ----------

export const createRole = (body: RoleInput) => api.post<Data<Role>>('/roles', body).then((r) => r.data);
export const updateRole = (id: string, body: RoleInput) =>
  api.patch<Data<Role>>(`/roles/${encodeURIComponent(id)}`, body).then((r) => r.data);
export const deleteRole = (id: string) =>
  request<Data<Role>>(`/roles/${encodeURIComponent(id)}`, { method: 'DELETE' }).then((r) => r.data);
export const setUserRoles = (userId: string, roleIds: string[]) =>
  request<Data<Array<{ id: string; name: string }>>>(`/users/${encodeURIComponent(userId)}/roles`, {
    method: 'PUT',
    body: { roleIds },
  }).then((r) => r.data);
export const endSandbox = (userId: string) =>
  api
    .post<Data<{ id: string; sandboxEndedAt: string }>>(`/users/${encodeURIComponent(userId)}/end-sandbox`)
    .then((r) => r.data);
export const runSimulation = (changes: SimulateChange[]) =>
  api.post<Data<SimulateResult>>('/access/simulate', { changes }).then((r) => r.data);
export const approve = (id: string, reason?: string) =>
  api
    .post<Data<Approval>>(`/approvals/${encodeURIComponent(id)}/approve`, reason ? { reason } : {})
    .then((r) => r.data);
export const reject = (id: string, reason: string) =>
  api.post<Data<Approval>>(`/approvals/${encodeURIComponent(id)}/reject`, { reason }).then((r) => r.data);
export const cancelApproval = (id: string) =>
  api.post<Data<Approval>>(`/approvals/${encodeURIComponent(id)}/cancel`, {}).then((r) => r.data);
