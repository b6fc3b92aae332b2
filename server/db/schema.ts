// Generated from the migrated database by `npm run gen:db-types` (kysely-codegen); do not edit.
// Changes go in a new migration under server/db/migrations/; jsonb types in column-types.ts.
import type { AuditChanges, CustomValues, JsonColumn, JsonList, TenantSettings } from './column-types.ts';
import type { ColumnType } from 'kysely';

export type Generated<T> =
  T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S, I | undefined, U> : ColumnType<T, T | undefined, T>;

export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;

export type Json = JsonValue;

export type JsonArray = JsonValue[];

export type JsonObject = {
  [x: string]: JsonValue | undefined;
};

export type JsonPrimitive = boolean | number | string | null;

export type JsonValue = JsonArray | JsonObject | JsonPrimitive;

export type Numeric = ColumnType<string, number | string, number | string>;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ApiKeys {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  expires_at: Timestamp | null;
  id: string;
  key_hash: string;
  key_prefix: string;
  last_used_at: Timestamp | null;
  name: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  user_id: string;
  version: Generated<number>;
}

export interface Approvals {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_reason: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  kind: string;
  payload: JsonColumn<CustomValues>;
  reason: string | null;
  requested_by: string;
  result: JsonColumn<CustomValues> | null;
  status: Generated<string>;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface AssignmentRules {
  capacity: number | null;
  conditions: Generated<Json>;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  department_id: string | null;
  id: string;
  is_active: Generated<boolean>;
  name: string;
  position: number;
  rr_counter: Generated<Int8>;
  target_type: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  user_id: string | null;
  version: Generated<number>;
}

export interface Assignments {
  assigned_by: string | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  record_id: string;
  record_type: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  user_id: string;
  version: Generated<number>;
}

export interface Attachments {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  customer_id: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  mime_type: string;
  name: string;
  processing: string | null;
  processing_error: string | null;
  record_id: string;
  record_type: string;
  sha256: string;
  size_bytes: Int8;
  storage_key: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  variant_keys: Json | null;
  variants: Json | null;
  version: Generated<number>;
}

export interface AuditLog {
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  changes: JsonColumn<AuditChanges>;
  id: string;
  ip: string | null;
  occurred_at: Generated<Timestamp>;
  record_id: string;
  record_type: string;
  request_id: string | null;
  tenant_id: string;
  user_agent: string | null;
}

export interface AutomationRules {
  actions: Json;
  conditions: Json | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  enabled: Generated<boolean>;
  failure_streak: Generated<number>;
  id: string;
  max_failures: Generated<number>;
  max_runs_per_hour: number | null;
  name: string;
  owner_id: string;
  paused_at: Timestamp | null;
  paused_reason: string | null;
  service_user_id: string | null;
  tenant_id: string;
  trigger: Json;
  trigger_topic: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
  webhook_secret_sealed: string | null;
}

export interface AutomationRuns {
  actions: Generated<Json>;
  conditions: Json | null;
  depth: number;
  error: string | null;
  error_code: string | null;
  event_id: string;
  finished_at: Timestamp | null;
  from_step: number | null;
  id: string;
  identity_user_id: string | null;
  rerun_of: string | null;
  rule_id: string;
  rule_version: number;
  started_at: Generated<Timestamp>;
  status: string;
  tenant_id: string;
  topic: string;
  trigger_payload: Json;
}

export interface AutomationWebhookDeliveries {
  attempts: Generated<number>;
  body: Json;
  created_at: Generated<Timestamp>;
  delivered_at: Timestamp | null;
  event_id: string;
  headers: Generated<Json>;
  id: string;
  last_error: string | null;
  last_status: number | null;
  lease_until: Timestamp | null;
  next_attempt_at: Timestamp | null;
  reason: string | null;
  rule_id: string;
  run_id: string;
  status: Generated<string>;
  tenant_id: string;
  url: string;
}

export interface CallRecords {
  agent_user_id: string | null;
  call_id: string;
  contact_id: string | null;
  customer_id: string | null;
  customer_number_e164: string | null;
  direction: string;
  followup_id: string | null;
  format: string;
  from_number: string;
  id: string;
  match_note: string | null;
  raw: Json;
  received_at: Generated<Timestamp>;
  received_by: string | null;
  recording_url: string | null;
  started_at: Timestamp;
  status: string;
  talk_seconds: number;
  tenant_id: string;
  to_number: string;
}

export interface ChannelCursors {
  channel_id: string;
  cursor: string | null;
  last_slot_at: Timestamp | null;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
}

export interface ChannelLinks {
  channel_id: string;
  created_at: Generated<Timestamp>;
  external_id: string;
  record_id: string;
  record_type: string;
  tenant_id: string;
}

export interface Channels {
  auth_headers: Generated<Json>;
  config: JsonColumn<CustomValues>;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  idempotency_field: string | null;
  key: string;
  kind: string;
  last_error: string | null;
  last_error_at: Timestamp | null;
  last_success_at: Timestamp | null;
  mapping: JsonColumn<JsonList>;
  match_order: JsonColumn<string[]>;
  merge_policy: JsonColumn<CustomValues>;
  name: string;
  record_type: Generated<string>;
  retry_base_seconds: Generated<number>;
  retry_limit: Generated<number>;
  secret_hash: string | null;
  secret_sealed: string | null;
  service_user_id: string | null;
  tenant_id: string;
  trigger: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface ClientErrors {
  app_version: string;
  browser: string;
  error_name: string;
  id: string;
  kind: string;
  message: string;
  occurred_at: Timestamp;
  os: string;
  received_at: Generated<Timestamp>;
  reporter_key: string;
  route: string;
  screen: string | null;
  tenant_id: string;
}

export interface ConsistencyFindings {
  check_name: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  detail: Generated<Json>;
  fix_kind: string | null;
  fixed_at: Timestamp | null;
  fixed_by: string | null;
  id: string;
  record_ids: Generated<string[]>;
  record_type: string | null;
  report_id: string;
  suggested_fix: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface ConsistencyReports {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  finished_at: Timestamp | null;
  id: string;
  status: Generated<string>;
  summary: Generated<Json>;
  tenant_id: string;
  trigger: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface Contacts {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  custom: JsonColumn<CustomValues>;
  customer_id: string;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  email: string | null;
  id: string;
  is_primary: Generated<boolean>;
  mobile: string | null;
  mobile_e164: string | null;
  name: string;
  tenant_id: string;
  title: string | null;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
  wecom_id: string | null;
}

export interface ContractInstallments {
  amount: Numeric;
  contract_id: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  due_date: string;
  id: string;
  seq: number;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface Contracts {
  amount_incl_tax: Numeric;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  currency: string;
  customer_id: string;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  end_date: string | null;
  id: string;
  number: string;
  opportunity_id: string | null;
  owner_id: string | null;
  signed_date: string | null;
  start_date: string | null;
  status: string;
  tax_rate: Generated<Numeric>;
  tenant_id: string;
  title: string | null;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface Customers {
  assigned_by_rule_id: string | null;
  assigned_rule_version: number | null;
  assignment_reason: string | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  credit_code: string | null;
  custom: JsonColumn<CustomValues>;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  industry: string | null;
  last_followup_at: Timestamp | null;
  level: string | null;
  main_phone: string | null;
  main_phone_e164: string | null;
  name: string;
  owner_id: string | null;
  region: string | null;
  short_name: string | null;
  source: string | null;
  status: Generated<string>;
  tags: Generated<string[]>;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface CustomFields {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  key: string;
  label: string;
  object_type: string;
  options: JsonColumn<string[]>;
  required: Generated<boolean>;
  sort_order: Generated<number>;
  tenant_id: string;
  type: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface Departments {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  name: string;
  parent_id: string | null;
  path: string;
  sort_order: Generated<number>;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface ExportFiles {
  approval_id: string | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  downloaded_at: Timestamp | null;
  expires_at: Timestamp;
  file_name: string;
  id: string;
  mime_type: string;
  requested_by: string;
  row_count: number;
  storage_key: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
  watermark: string;
}

export interface FieldProvenance {
  channel_id: string | null;
  field: string;
  intake_id: string | null;
  record_id: string;
  record_type: string;
  set_at: Generated<Timestamp>;
  source_at: Timestamp | null;
  tenant_id: string;
}

export interface FollowupAmendments {
  author_id: string | null;
  content: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  followup_id: string;
  id: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface FollowupNextSteps {
  done_at: Timestamp | null;
  done_by: string | null;
  escalated_at: Timestamp | null;
  escalation_todo_id: string | null;
  followup_id: string;
  tenant_id: string;
}

export interface Followups {
  author_id: string | null;
  content: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  customer_id: string;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  kind: string;
  next_step: string | null;
  next_step_at: Timestamp | null;
  objections: Json | null;
  occurred_at: Generated<Timestamp>;
  opportunity_id: string | null;
  source: string;
  source_ref: string | null;
  status: string;
  summary: string | null;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface FollowupSettings {
  escalation_grace_hours: Generated<number>;
  extra_workdays: Generated<Json>;
  holidays: Generated<Json>;
  smart_buttons: Json | null;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface FollowupTemplates {
  body: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  kind: string | null;
  status: string | null;
  tenant_id: string;
  title: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface FollowupTemplateUses {
  last_used_at: Generated<Timestamp>;
  template_id: string;
  tenant_id: string;
  user_id: string;
  uses: Generated<number>;
}

export interface FxRates {
  base: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  fetched_at: Generated<Timestamp>;
  id: string;
  payload_hash: string | null;
  published_at: Timestamp | null;
  quote: string;
  rate: Numeric;
  rate_date: string;
  rate_set: string;
  reason: string | null;
  source: string;
  tenant_id: string;
}

export interface Imports {
  channel_id: string;
  columns: JsonColumn<string[]>;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  file_format: string;
  file_hash: string;
  file_name: string;
  finished_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  id: string;
  last_error: string | null;
  processed_rows: Generated<number>;
  repeated_rows: Generated<number>;
  size_bytes: Int8;
  started_at: Timestamp | null;
  status: Generated<string>;
  storage_key: string;
  tenant_id: string;
  total_rows: Generated<number>;
}

export interface IntakeRecords {
  attempts: Generated<number>;
  candidates: JsonColumn<string[]> | null;
  channel_id: string;
  content_type: string | null;
  discard_reason: string | null;
  discarded_at: Timestamp | null;
  discarded_by: string | null;
  error_fields: JsonColumn<JsonList> | null;
  id: string;
  idempotency_key: string;
  import_id: string | null;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
  payload: JsonColumn<CustomValues>;
  processed_at: Timestamp | null;
  reason: string | null;
  received_at: Generated<Timestamp>;
  record_id: string | null;
  record_type: string | null;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  row_number: number | null;
  source_at: Timestamp | null;
  status: Generated<string>;
  tenant_id: string;
}

export interface KnownDevices {
  device_hash: string;
  first_seen_at: Generated<Timestamp>;
  last_seen_at: Generated<Timestamp>;
  tenant_id: string;
  user_id: string;
}

export interface LoginAttempts {
  attempted_at: Generated<Timestamp>;
  id: Generated<Int8>;
  key: string;
  succeeded: boolean;
}

export interface MetricDefinitions {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  description: string | null;
  id: string;
  name: string;
  tenant_id: string;
}

export interface MetricDefinitionVersions {
  approved_at: Timestamp | null;
  approver_id: string | null;
  author_id: string | null;
  based_on: string | null;
  change_note: string;
  created_at: Generated<Timestamp>;
  definition_id: string;
  diff: Generated<Json>;
  document: Json;
  hash: string;
  id: string;
  rolled_back_to: string | null;
  semver: string;
  status: Generated<string>;
  tenant_id: string;
  valid_from: string;
}

export interface Notifications {
  created_at: Generated<Timestamp>;
  id: string;
  kind: string;
  message: string;
  read_at: Timestamp | null;
  record_id: string | null;
  record_type: string | null;
  rule_id: string | null;
  tenant_id: string;
  user_id: string;
  wecom_error: string | null;
  wecom_sent_at: Timestamp | null;
}

export interface Opportunities {
  amount: Generated<Numeric>;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  currency: Generated<string>;
  custom: JsonColumn<CustomValues>;
  customer_id: string;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  expected_close_date: string | null;
  id: string;
  name: string;
  owner_id: string | null;
  stage: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface Orders {
  amount: Numeric;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  currency: string;
  customer_id: string;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  ordered_at: Timestamp;
  owner_id: string | null;
  product_id: string | null;
  quantity: Numeric;
  sku: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface OutboundDeliveries {
  attempts: Generated<number>;
  body: JsonColumn<CustomValues>;
  channel_id: string;
  created_at: Generated<Timestamp>;
  delivered_at: Timestamp | null;
  event_id: string;
  event_type: string;
  id: string;
  last_error: string | null;
  last_status: number | null;
  lease_until: Timestamp | null;
  next_attempt_at: Timestamp | null;
  occurred_at: Timestamp;
  reason: string | null;
  status: Generated<string>;
  tenant_id: string;
}

export interface OutboundDeliveryLog {
  attempt: number;
  channel_id: string;
  created_at: Generated<Timestamp>;
  delivery_id: string;
  duration_ms: number;
  error: string | null;
  event_id: string;
  id: string;
  outcome: string;
  response_code: number | null;
  tenant_id: string;
}

export interface OutboxEvents {
  attempts: Generated<number>;
  created_at: Generated<Timestamp>;
  dispatched_at: Timestamp | null;
  id: string;
  last_error: string | null;
  payload: JsonColumn<CustomValues>;
  tenant_id: string;
  topic: string;
}

export interface Payments {
  amount: Numeric;
  contract_id: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  currency: string;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  installment_id: string | null;
  method: string | null;
  note: string | null;
  received_date: string;
  reference: string | null;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface Products {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  currency: Generated<string>;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  is_active: Generated<boolean>;
  name: string;
  sku: string;
  tenant_id: string;
  unit_price: Numeric;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface PullRuns {
  channel_id: string;
  cursor_after: string | null;
  cursor_before: string | null;
  finished_at: Timestamp | null;
  http_status: number | null;
  id: string;
  last_error: string | null;
  missing_cursor: Generated<number>;
  pages: Generated<number>;
  reason: string | null;
  records: Generated<number>;
  started_at: Generated<Timestamp>;
  status: Generated<string>;
  stored: Generated<number>;
  tenant_id: string;
  trigger: string;
}

export interface RecycleBin {
  batch_id: string;
  deleted_at: Generated<Timestamp>;
  deleted_by: string | null;
  id: string;
  record_id: string;
  record_type: string;
  tenant_id: string;
  title: string;
}

export interface ReportSnapshots {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  definition_hash: string;
  definition_id: string;
  group_by: Json;
  hash: string;
  id: string;
  period: string;
  prev_hash: string | null;
  rate_set: string;
  result: Json;
  semver: string;
  seq: number;
  tenant_id: string;
  version_id: string;
}

export interface RoleFieldRules {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  field: string;
  id: string;
  object: string;
  role_id: string;
  rule: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface RoleGrants {
  action: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  filter: JsonColumn<CustomValues> | null;
  id: string;
  object: string;
  role_id: string;
  scope: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface Roles {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  description: string | null;
  id: string;
  is_system: Generated<boolean>;
  name: string;
  parent_role_id: string | null;
  status: Generated<string>;
  status_reason: string | null;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface Sessions {
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  id: string;
  ip: string | null;
  revoked_at: Timestamp | null;
  tenant_id: string;
  token_hash: string;
  user_agent: string | null;
  user_id: string;
  write_lsn: string | null;
}

export interface SmartButtonTaps {
  button_key: string;
  created_at: Generated<Timestamp>;
  customer_id: string;
  followup_id: string;
  idempotency_key: string;
  next_step_at: Timestamp | null;
  tenant_id: string;
  user_id: string;
}

export interface SmsMessages {
  body: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  error: string | null;
  id: string;
  phone: string;
  provider: string;
  purpose: string;
  status: Generated<string>;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface StepUpChallenges {
  attempts: Generated<number>;
  code_hash: string;
  consumed_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  expires_at: Timestamp;
  id: string;
  sent_to: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  user_id: string;
  version: Generated<number>;
}

export interface StepUpTokens {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  expires_at: Timestamp;
  id: string;
  tenant_id: string;
  token_hash: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  user_id: string;
  version: Generated<number>;
}

export interface SyncOperations {
  applied_at: Generated<Timestamp>;
  client_version: string | null;
  idempotency_key: string;
  op: string;
  record_id: string;
  record_type: string;
  tenant_id: string;
  user_id: string;
}

export interface Tenants {
  created_at: Generated<Timestamp>;
  cursor_key: Generated<string>;
  id: string;
  name: string;
  settings: JsonColumn<TenantSettings>;
  slug: string;
  updated_at: Generated<Timestamp>;
}

export interface TenantVersions {
  access_version: Generated<string>;
  tenant_id: string;
}

export interface Todos {
  completed_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  due_at: Timestamp;
  id: string;
  record_id: string | null;
  record_type: string | null;
  rule_id: string | null;
  run_id: string | null;
  tenant_id: string;
  title: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  user_id: string;
  version: Generated<number>;
}

export interface TranscriptLexicon {
  id: string;
  kind: string;
  phrase: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
}

export interface Transcripts {
  customer_id: string | null;
  error: string | null;
  followup_id: string | null;
  id: string;
  match_note: string | null;
  opportunity_id: string | null;
  phone: string | null;
  processed_at: Timestamp | null;
  received_at: Generated<Timestamp>;
  received_by: string;
  source: string;
  status: string;
  tenant_id: string;
  utterances: Json;
}

export interface UserRoles {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  id: string;
  role_id: string;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  user_id: string;
  version: Generated<number>;
}

export interface Users {
  created_at: Generated<Timestamp>;
  created_by: string | null;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  department_id: string | null;
  display_name: string;
  email: string | null;
  employee_no: string | null;
  hire_date: string | null;
  id: string;
  is_active: Generated<boolean>;
  is_service: Generated<boolean>;
  last_login_at: Timestamp | null;
  manager_id: string | null;
  password_hash: string | null;
  phone: string | null;
  phone_e164: string | null;
  role: Generated<string>;
  sandbox_ended_at: Timestamp | null;
  tenant_id: string;
  totp_secret: string | null;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  username: string;
  version: Generated<number>;
  wecom_user_id: string | null;
}

export interface WecomExternalContacts {
  contact_id: string | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  customer_id: string;
  delete_batch_id: string | null;
  deleted_at: Timestamp | null;
  external_userid: string;
  id: string;
  name: string | null;
  tenant_id: string;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
  version: Generated<number>;
}

export interface DB {
  api_keys: ApiKeys;
  approvals: Approvals;
  assignment_rules: AssignmentRules;
  assignments: Assignments;
  attachments: Attachments;
  audit_log: AuditLog;
  automation_rules: AutomationRules;
  automation_runs: AutomationRuns;
  automation_webhook_deliveries: AutomationWebhookDeliveries;
  call_records: CallRecords;
  channel_cursors: ChannelCursors;
  channel_links: ChannelLinks;
  channels: Channels;
  client_errors: ClientErrors;
  consistency_findings: ConsistencyFindings;
  consistency_reports: ConsistencyReports;
  contacts: Contacts;
  contract_installments: ContractInstallments;
  contracts: Contracts;
  custom_fields: CustomFields;
  customers: Customers;
  departments: Departments;
  export_files: ExportFiles;
  field_provenance: FieldProvenance;
  followup_amendments: FollowupAmendments;
  followup_next_steps: FollowupNextSteps;
  followup_settings: FollowupSettings;
  followup_template_uses: FollowupTemplateUses;
  followup_templates: FollowupTemplates;
  followups: Followups;
  fx_rates: FxRates;
  imports: Imports;
  intake_records: IntakeRecords;
  known_devices: KnownDevices;
  login_attempts: LoginAttempts;
  metric_definition_versions: MetricDefinitionVersions;
  metric_definitions: MetricDefinitions;
  notifications: Notifications;
  opportunities: Opportunities;
  orders: Orders;
  outbound_deliveries: OutboundDeliveries;
  outbound_delivery_log: OutboundDeliveryLog;
  outbox_events: OutboxEvents;
  payments: Payments;
  products: Products;
  pull_runs: PullRuns;
  recycle_bin: RecycleBin;
  report_snapshots: ReportSnapshots;
  role_field_rules: RoleFieldRules;
  role_grants: RoleGrants;
  roles: Roles;
  sessions: Sessions;
  smart_button_taps: SmartButtonTaps;
  sms_messages: SmsMessages;
  step_up_challenges: StepUpChallenges;
  step_up_tokens: StepUpTokens;
  sync_operations: SyncOperations;
  tenant_versions: TenantVersions;
  tenants: Tenants;
  todos: Todos;
  transcript_lexicon: TranscriptLexicon;
  transcripts: Transcripts;
  user_roles: UserRoles;
  users: Users;
  wecom_external_contacts: WecomExternalContacts;
}
