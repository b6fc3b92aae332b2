/** The vocabulary of access control, shared by the server, the web app and the CLI. */
export const accessObjects = [
  'customer',
  'contact',
  'opportunity',
  'followup',
  'contract',
  'payment',
  'attachment',
  'order',
  'product',
  'report',
  'user',
  'role',
  'settings',
] as const;
export const accessActions = ['create', 'read', 'update', 'delete', 'export', 'import'] as const;
export const systemPermissions = [
  'manageUsers',
  'manageRoles',
  'manageIntegrations',
  'runBackgroundSync',
  'manageReportDefinitions',
  'approveExports',
  'approveContractDeletion',
  'viewAudit',
] as const;
export const dataScopes = ['own', 'own_assigned', 'department', 'department_tree', 'all', 'custom', 'inherit'] as const;
export const fieldRuleKinds = ['hidden', 'readonly', 'masked'] as const;

/** System permissions are stored as grants on the pseudo-object `system`. */
export const SYSTEM_OBJECT = 'system';

/** Inheritance chains longer than this many hops are rejected on save and suspended when found. */
export const MAX_INHERITANCE_DEPTH = 2;

/** Grants that never pass down an inheritance chain while least privilege is on. */
export function isNonInheritable(object: string, action: string): boolean {
  return action === 'delete' || action === 'export' || (object === 'attachment' && action !== 'read');
}

export type AccessObject = (typeof accessObjects)[number];
export type AccessAction = (typeof accessActions)[number];
export type SystemPermission = (typeof systemPermissions)[number];
export type DataScope = (typeof dataScopes)[number];
export type FieldRuleKind = (typeof fieldRuleKinds)[number];

/** One cell of the permission matrix: the effective scope and where it comes from. */
export interface MatrixCell {
  scope: string;
  source: 'self' | 'inherited';
  via: string[];
}

/** One role's row of the permission matrix (GET /api/v1/access/matrix). */
export interface MatrixRole {
  id: string;
  name: string;
  status: string;
  suspendedReason: string | null;
  chain: string[];
  cells: Record<string, Record<string, MatrixCell>>;
  system: string[];
  fieldRules: Array<{ object: string; field: string; rule: string }>;
}
