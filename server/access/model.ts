/** The vocabulary of access control: what a grant can name. */
export const accessObjects = ['customer', 'contact', 'opportunity', 'followup', 'contract', 'payment', 'attachment', 'order', 'product', 'report', 'user', 'role', 'settings'] as const;
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

export type AccessObject = (typeof accessObjects)[number];
export type AccessAction = (typeof accessActions)[number];
export type SystemPermission = (typeof systemPermissions)[number];
export type DataScope = (typeof dataScopes)[number];
export type FieldRuleKind = (typeof fieldRuleKinds)[number];

/** System permissions are stored as grants on the pseudo-object `system`. */
export const SYSTEM_OBJECT = 'system';

/** Inheritance chains longer than this many hops are rejected on save and suspended when found. */
export const MAX_INHERITANCE_DEPTH = 2;

/** Objects whose records inherit access from their customer unless a grant names its own scope. */
export const inheritsFromCustomer: ReadonlySet<AccessObject> = new Set(['contact', 'followup', 'contract', 'attachment', 'payment']);

/** Grants that never pass down an inheritance chain while least privilege is on. */
export function isNonInheritable(object: string, action: string): boolean {
  return action === 'delete' || action === 'export' || (object === 'attachment' && action !== 'read');
}

/** The customer action whose scope an inheriting object uses for an action of its own. */
export const customerActionFor = (action: AccessAction): AccessAction => (action === 'read' || action === 'export' ? 'read' : 'update');

/** Broadest first, for "widest scope" summaries. */
export const scopeBreadth: Record<DataScope, number> = { all: 5, department_tree: 4, department: 3, own_assigned: 2, own: 1, custom: 0, inherit: 0 };

/** The resource (URL path) each object's records live in. */
export const resourceOfObject: Partial<Record<AccessObject, string>> = {
  customer: 'customers',
  contact: 'contacts',
  opportunity: 'opportunities',
  followup: 'followups',
  contract: 'contracts',
  payment: 'payments',
  attachment: 'attachments',
  order: 'orders',
  product: 'products',
  user: 'users',
};

/** The object that governs a resource's routes. */
export const objectOfResource: Record<string, AccessObject> = {
  customers: 'customer',
  contacts: 'contact',
  opportunities: 'opportunity',
  followups: 'followup',
  contracts: 'contract',
  installments: 'contract',
  payments: 'payment',
  attachments: 'attachment',
  orders: 'order',
  products: 'product',
  users: 'user',
  departments: 'user',
  'custom-fields': 'settings',
};

/** The column that makes a record "mine" for own / department scopes. */
export const ownerColumnOf: Partial<Record<AccessObject, string>> = {
  customer: 'owner_id',
  opportunity: 'owner_id',
  order: 'owner_id',
  contract: 'owner_id',
  followup: 'author_id',
  contact: 'created_by',
  payment: 'created_by',
  attachment: 'created_by',
  product: 'created_by',
  user: 'id',
};
