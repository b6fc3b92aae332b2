import type { AccessAction, AccessObject, DataScope } from '../../common/access-vocabulary.ts';

export * from '../../common/access-vocabulary.ts';

/** Objects whose records inherit access from their customer unless a grant names its own scope. */
export const inheritsFromCustomer: ReadonlySet<AccessObject> = new Set([
  'contact',
  'followup',
  'contract',
  'attachment',
  'payment',
]);

/** The customer action whose scope an inheriting object uses for an action of its own. */
export const customerActionFor = (action: AccessAction): AccessAction =>
  action === 'read' || action === 'export' ? 'read' : 'update';

/** Broadest first, for "widest scope" summaries. */
export const scopeBreadth: Record<DataScope, number> = {
  all: 5,
  department_tree: 4,
  department: 3,
  own_assigned: 2,
  own: 1,
  custom: 0,
  inherit: 0,
};

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
