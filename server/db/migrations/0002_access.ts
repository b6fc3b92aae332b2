import { sql, type Kysely } from 'kysely';
import { baseColumns, ref, rlsStatements } from './sql-fragments.ts';

export const accessTables = [
  'roles',
  'role_grants',
  'role_field_rules',
  'user_roles',
  'assignments',
  'approvals',
  'export_files',
  'step_up_challenges',
  'step_up_tokens',
  'followup_amendments',
  'sms_messages',
] as const;

const statements = [
  `create table roles (${baseColumns},
    name text not null,
    description text,
    parent_role_id uuid,
    status text not null default 'active' check (status in ('active', 'disabled', 'suspended')),
    status_reason text,
    is_system boolean not null default false,
    ${ref('parent_role_id', 'roles', 'restrict')}
  )`,
  `create unique index roles_name on roles (tenant_id, name) where deleted_at is null`,
  `create table role_grants (${baseColumns},
    role_id uuid not null,
    object text not null,
    action text not null,
    scope text not null check (scope in ('own', 'own_assigned', 'department', 'department_tree', 'all', 'custom', 'inherit')),
    filter jsonb,
    ${ref('role_id', 'roles')}
  )`,
  `create unique index role_grants_key on role_grants (tenant_id, role_id, object, action) where deleted_at is null`,
  `create table role_field_rules (${baseColumns},
    role_id uuid not null,
    object text not null,
    field text not null,
    rule text not null check (rule in ('hidden', 'readonly', 'masked')),
    ${ref('role_id', 'roles')}
  )`,
  `create unique index role_field_rules_key on role_field_rules (tenant_id, role_id, object, field) where deleted_at is null`,
  `create table user_roles (${baseColumns},
    user_id uuid not null,
    role_id uuid not null,
    ${ref('user_id', 'users')},
    ${ref('role_id', 'roles')}
  )`,
  `create unique index user_roles_key on user_roles (tenant_id, user_id, role_id) where deleted_at is null`,
  `create index user_roles_role on user_roles (tenant_id, role_id)`,
  `create table assignments (${baseColumns},
    record_type text not null,
    record_id uuid not null,
    user_id uuid not null,
    assigned_by uuid,
    ${ref('user_id', 'users')}
  )`,
  `create unique index assignments_key on assignments (tenant_id, record_type, record_id, user_id) where deleted_at is null`,
  `create index assignments_user on assignments (tenant_id, user_id, record_type)`,
  `create table approvals (${baseColumns},
    kind text not null check (kind in ('export', 'contract_delete')),
    status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'executed', 'failed', 'cancelled')),
    requested_by uuid not null,
    payload jsonb not null,
    reason text,
    decided_by uuid,
    decided_at timestamptz(3),
    decision_reason text,
    result jsonb
  )`,
  `create index approvals_status on approvals (tenant_id, status, created_at desc)`,
  `create table export_files (${baseColumns},
    approval_id uuid,
    requested_by uuid not null,
    storage_key text not null,
    file_name text not null,
    mime_type text not null,
    row_count integer not null,
    watermark text not null,
    expires_at timestamptz(3) not null,
    downloaded_at timestamptz(3)
  )`,
  `create table step_up_challenges (${baseColumns},
    user_id uuid not null,
    code_hash text not null,
    sent_to text not null,
    expires_at timestamptz(3) not null,
    attempts integer not null default 0,
    consumed_at timestamptz(3),
    ${ref('user_id', 'users')}
  )`,
  `create index step_up_challenges_user on step_up_challenges (tenant_id, user_id, created_at desc)`,
  `create table step_up_tokens (${baseColumns},
    user_id uuid not null,
    token_hash text not null,
    expires_at timestamptz(3) not null,
    ${ref('user_id', 'users')}
  )`,
  `create unique index step_up_tokens_hash on step_up_tokens (tenant_id, token_hash)`,
  `create table followup_amendments (${baseColumns},
    followup_id uuid not null,
    content text not null,
    author_id uuid,
    ${ref('followup_id', 'followups')}
  )`,
  `create index followup_amendments_followup on followup_amendments (tenant_id, followup_id, created_at)`,
  `create table sms_messages (${baseColumns},
    phone text not null,
    body text not null,
    purpose text not null,
    provider text not null,
    status text not null default 'sent',
    error text
  )`,
  `alter table users add column sandbox_ended_at timestamptz(3)`,
  `alter table users add column totp_secret text`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
  for (const table of accessTables) for (const statement of rlsStatements(table)) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...accessTables].reverse()) await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  await sql
    .raw('alter table users drop column if exists sandbox_ended_at, drop column if exists totp_secret')
    .execute(db);
}
