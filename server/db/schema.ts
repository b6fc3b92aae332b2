import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Timestamps come back as Date and may be written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A timestamp with a database default (now()). */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `numeric` columns travel as strings so no money ever passes through a JS float. */
export type Numeric = ColumnType<string, string, string>;
export type Json<T extends object> = JSONColumnType<T, string, string>;

/** Columns every business table carries. */
export interface BaseColumns {
  id: string;
  tenant_id: string;
  created_at: GeneratedTimestamp;
  created_by: string | null;
  updated_at: GeneratedTimestamp;
  updated_by: string | null;
  deleted_at: NullableTimestamp;
  delete_batch_id: string | null;
  version: Generated<number>;
}

export interface TenantSettings {
  recycleRetentionDays?: number;
  liteFields?: string[];
  [key: string]: unknown;
}

export interface TenantsTable {
  id: string;
  name: string;
  slug: string;
  settings: Json<TenantSettings>;
  /** Seals list cursors; never presented. */
  cursor_key: Generated<string>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface DepartmentsTable extends BaseColumns {
  name: string;
  parent_id: string | null;
  path: string;
  sort_order: Generated<number>;
}

export interface UsersTable extends BaseColumns {
  username: string;
  display_name: string;
  employee_no: string | null;
  department_id: string | null;
  manager_id: string | null;
  hire_date: string | null;
  phone: string | null;
  phone_e164: string | null;
  email: string | null;
  is_active: Generated<boolean>;
  role: string;
  is_service: Generated<boolean>;
  password_hash: string | null;
  last_login_at: NullableTimestamp;
  sandbox_ended_at: NullableTimestamp;
  totp_secret: string | null;
}

export interface SessionsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  token_hash: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  ip: string | null;
  user_agent: string | null;
  /** pg_lsn as text: the primary's WAL position after the session's latest write (replica reads). */
  write_lsn: string | null;
}

export interface ApiKeysTable extends BaseColumns {
  name: string;
  user_id: string;
  key_hash: string;
  key_prefix: string;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  key: string;
  succeeded: boolean;
  attempted_at: GeneratedTimestamp;
}

export interface CustomersTable extends BaseColumns {
  name: string;
  short_name: string | null;
  credit_code: string | null;
  industry: string | null;
  level: string | null;
  source: string | null;
  region: string | null;
  main_phone: string | null;
  main_phone_e164: string | null;
  owner_id: string | null;
  status: string;
  tags: string[];
  custom: Json<Record<string, unknown>>;
}

export interface ContactsTable extends BaseColumns {
  customer_id: string;
  name: string;
  title: string | null;
  mobile: string | null;
  mobile_e164: string | null;
  email: string | null;
  wecom_id: string | null;
  is_primary: boolean;
  custom: Json<Record<string, unknown>>;
}

export interface OpportunitiesTable extends BaseColumns {
  customer_id: string;
  name: string;
  amount: Numeric;
  currency: string;
  stage: string;
  expected_close_date: string | null;
  owner_id: string | null;
  custom: Json<Record<string, unknown>>;
}

export interface FollowupsTable extends BaseColumns {
  customer_id: string;
  opportunity_id: string | null;
  kind: string;
  status: string;
  content: string;
  next_step: string | null;
  next_step_at: NullableTimestamp;
  source: string;
  author_id: string | null;
  occurred_at: Timestamp;
}

export interface ContractsTable extends BaseColumns {
  customer_id: string;
  opportunity_id: string | null;
  number: string;
  title: string | null;
  signed_date: string | null;
  start_date: string | null;
  end_date: string | null;
  currency: string;
  amount_incl_tax: Numeric;
  tax_rate: Numeric;
  status: string;
  owner_id: string | null;
}

export interface ContractInstallmentsTable extends BaseColumns {
  contract_id: string;
  seq: number;
  due_date: string;
  amount: Numeric;
}

export interface PaymentsTable extends BaseColumns {
  contract_id: string;
  installment_id: string | null;
  amount: Numeric;
  currency: string;
  received_date: string;
  method: string | null;
  reference: string | null;
  note: string | null;
}

export interface ProductsTable extends BaseColumns {
  sku: string;
  name: string;
  unit_price: Numeric;
  currency: string;
  is_active: Generated<boolean>;
}

export interface OrdersTable extends BaseColumns {
  customer_id: string;
  product_id: string | null;
  sku: string;
  quantity: Numeric;
  amount: Numeric;
  currency: string;
  ordered_at: Timestamp;
  owner_id: string | null;
}

export interface AttachmentsTable extends BaseColumns {
  record_type: string;
  record_id: string;
  customer_id: string | null;
  name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
}

export interface CustomFieldsTable extends BaseColumns {
  object_type: string;
  key: string;
  label: string;
  type: string;
  options: Json<string[]>;
  required: boolean;
  sort_order: Generated<number>;
}

export interface AuditLogTable {
  tenant_id: string;
  id: string;
  occurred_at: GeneratedTimestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  record_type: string;
  record_id: string;
  changes: Json<Record<string, { before: unknown; after: unknown }>>;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface RecycleBinTable {
  tenant_id: string;
  id: string;
  record_type: string;
  record_id: string;
  title: string;
  batch_id: string;
  deleted_at: GeneratedTimestamp;
  deleted_by: string | null;
}

export interface OutboxEventsTable {
  tenant_id: string;
  id: string;
  topic: string;
  payload: Json<Record<string, unknown>>;
  created_at: GeneratedTimestamp;
  dispatched_at: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface RolesTable extends BaseColumns {
  name: string;
  description: string | null;
  parent_role_id: string | null;
  status: Generated<string>;
  status_reason: string | null;
  is_system: Generated<boolean>;
}

export interface RoleGrantsTable extends BaseColumns {
  role_id: string;
  object: string;
  action: string;
  scope: string;
  filter: Json<Record<string, unknown>> | null;
}

export interface RoleFieldRulesTable extends BaseColumns {
  role_id: string;
  object: string;
  field: string;
  rule: string;
}

export interface UserRolesTable extends BaseColumns {
  user_id: string;
  role_id: string;
}

export interface AssignmentsTable extends BaseColumns {
  record_type: string;
  record_id: string;
  user_id: string;
  assigned_by: string | null;
}

export interface ApprovalsTable extends BaseColumns {
  kind: string;
  status: Generated<string>;
  requested_by: string;
  payload: Json<Record<string, unknown>>;
  reason: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_reason: string | null;
  result: Json<Record<string, unknown>> | null;
}

export interface ExportFilesTable extends BaseColumns {
  approval_id: string | null;
  requested_by: string;
  storage_key: string;
  file_name: string;
  mime_type: string;
  row_count: number;
  watermark: string;
  expires_at: Timestamp;
  downloaded_at: NullableTimestamp;
}

export interface StepUpChallengesTable extends BaseColumns {
  user_id: string;
  code_hash: string;
  sent_to: string;
  expires_at: Timestamp;
  attempts: Generated<number>;
  consumed_at: NullableTimestamp;
}

export interface StepUpTokensTable extends BaseColumns {
  user_id: string;
  token_hash: string;
  expires_at: Timestamp;
}

export interface FollowupAmendmentsTable extends BaseColumns {
  followup_id: string;
  content: string;
  author_id: string | null;
}

export interface SmsMessagesTable extends BaseColumns {
  phone: string;
  body: string;
  purpose: string;
  provider: string;
  status: Generated<string>;
  error: string | null;
}

export interface DB {
  roles: RolesTable;
  role_grants: RoleGrantsTable;
  role_field_rules: RoleFieldRulesTable;
  user_roles: UserRolesTable;
  assignments: AssignmentsTable;
  approvals: ApprovalsTable;
  export_files: ExportFilesTable;
  step_up_challenges: StepUpChallengesTable;
  step_up_tokens: StepUpTokensTable;
  followup_amendments: FollowupAmendmentsTable;
  sms_messages: SmsMessagesTable;
  tenants: TenantsTable;
  departments: DepartmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  login_attempts: LoginAttemptsTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  opportunities: OpportunitiesTable;
  followups: FollowupsTable;
  contracts: ContractsTable;
  contract_installments: ContractInstallmentsTable;
  payments: PaymentsTable;
  products: ProductsTable;
  orders: OrdersTable;
  attachments: AttachmentsTable;
  custom_fields: CustomFieldsTable;
  audit_log: AuditLogTable;
  recycle_bin: RecycleBinTable;
  outbox_events: OutboxEventsTable;
}
