import { sql, type Kysely } from 'kysely';

const base = `
  id uuid not null,
  tenant_id uuid not null references tenants(id),
  created_at timestamptz(3) not null default now(),
  created_by uuid,
  updated_at timestamptz(3) not null default now(),
  updated_by uuid,
  deleted_at timestamptz(3),
  delete_batch_id uuid,
  version integer not null default 1,
  primary key (tenant_id, id)`;

/** A reference to another tenant-scoped row: the composite key keeps it inside one tenant. */
const ref = (column: string, table: string, onDelete = 'cascade') =>
  `foreign key (tenant_id, ${column}) references ${table}(tenant_id, id) on delete ${onDelete}`;
/** `set null` must only null the id column, never tenant_id (PostgreSQL 15+ column list). */
const refSetNull = (column: string, table: string) =>
  `foreign key (tenant_id, ${column}) references ${table}(tenant_id, id) on delete set null (${column})`;

export const businessTables = [
  'departments', 'users', 'api_keys', 'sessions', 'customers', 'contacts', 'opportunities', 'followups',
  'contracts', 'contract_installments', 'payments', 'products', 'orders', 'attachments', 'custom_fields',
  'audit_log', 'recycle_bin', 'outbox_events',
] as const;

const statements = [
  `create table tenants (
    id uuid primary key,
    name text not null,
    slug text not null unique,
    settings jsonb not null default '{}',
    created_at timestamptz(3) not null default now(),
    updated_at timestamptz(3) not null default now()
  )`,
  `create table departments (${base},
    name text not null,
    parent_id uuid,
    path text not null,
    sort_order integer not null default 0,
    ${ref('parent_id', 'departments', 'restrict')}
  )`,
  `create index departments_path on departments (tenant_id, path text_pattern_ops)`,
  `create table users (${base},
    username text not null,
    display_name text not null,
    employee_no text,
    department_id uuid,
    manager_id uuid,
    hire_date date,
    phone text,
    phone_e164 text,
    email text,
    is_active boolean not null default true,
    role text not null default 'member' check (role in ('admin', 'member')),
    is_service boolean not null default false,
    password_hash text,
    last_login_at timestamptz(3),
    ${refSetNull('department_id', 'departments')},
    ${refSetNull('manager_id', 'users')}
  )`,
  `create unique index users_username on users (tenant_id, lower(username)) where deleted_at is null`,
  `create unique index users_employee_no on users (tenant_id, employee_no) where deleted_at is null and employee_no is not null`,
  `create index users_department on users (tenant_id, department_id)`,
  `create index users_lookup_username on users (lower(username)) where deleted_at is null`,
  `create table sessions (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    user_id uuid not null,
    token_hash text not null,
    created_at timestamptz(3) not null default now(),
    expires_at timestamptz(3) not null,
    revoked_at timestamptz(3),
    ip text,
    user_agent text,
    primary key (tenant_id, id),
    ${ref('user_id', 'users')}
  )`,
  `create unique index sessions_token on sessions (tenant_id, token_hash)`,
  `create table api_keys (${base},
    name text not null,
    user_id uuid not null,
    key_hash text not null,
    key_prefix text not null,
    expires_at timestamptz(3),
    last_used_at timestamptz(3),
    ${ref('user_id', 'users')}
  )`,
  `create unique index api_keys_hash on api_keys (tenant_id, key_hash)`,
  `create table login_attempts (
    id bigint generated always as identity primary key,
    key text not null,
    succeeded boolean not null,
    attempted_at timestamptz(3) not null default now()
  )`,
  `create index login_attempts_key on login_attempts (key, attempted_at)`,
  `create table customers (${base},
    name text not null,
    short_name text,
    credit_code text,
    industry text,
    level text,
    source text,
    region text,
    main_phone text,
    main_phone_e164 text,
    owner_id uuid,
    status text not null default 'active',
    tags text[] not null default '{}',
    custom jsonb not null default '{}',
    ${refSetNull('owner_id', 'users')}
  )`,
  `create unique index customers_credit_code on customers (tenant_id, credit_code) where deleted_at is null and credit_code is not null`,
  `create unique index customers_main_phone on customers (tenant_id, main_phone_e164) where deleted_at is null and main_phone_e164 is not null`,
  `create unique index customers_name on customers (tenant_id, name) where deleted_at is null`,
  `create index customers_owner_updated on customers (tenant_id, owner_id, updated_at desc, id desc) where deleted_at is null`,
  `create index customers_updated on customers (tenant_id, updated_at desc, id desc) where deleted_at is null`,
  `create index customers_deleted on customers (tenant_id, delete_batch_id) where deleted_at is not null`,
  `create table contacts (${base},
    customer_id uuid not null,
    name text not null,
    title text,
    mobile text,
    mobile_e164 text,
    email text,
    wecom_id text,
    is_primary boolean not null default false,
    custom jsonb not null default '{}',
    ${ref('customer_id', 'customers')}
  )`,
  `create index contacts_customer on contacts (tenant_id, customer_id)`,
  `create index contacts_mobile on contacts (tenant_id, mobile_e164)`,
  `create table opportunities (${base},
    customer_id uuid not null,
    name text not null,
    amount numeric(18, 2) not null default 0,
    currency char(3) not null default 'CNY',
    stage text not null,
    expected_close_date date,
    owner_id uuid,
    custom jsonb not null default '{}',
    ${ref('customer_id', 'customers')},
    ${refSetNull('owner_id', 'users')}
  )`,
  `create index opportunities_customer on opportunities (tenant_id, customer_id)`,
  `create index opportunities_owner on opportunities (tenant_id, owner_id)`,
  `create table followups (${base},
    customer_id uuid not null,
    opportunity_id uuid,
    kind text not null,
    status text not null,
    content text not null,
    next_step text,
    next_step_at timestamptz(3),
    source text not null,
    author_id uuid,
    occurred_at timestamptz(3) not null default now(),
    ${ref('customer_id', 'customers')},
    ${refSetNull('opportunity_id', 'opportunities')},
    ${refSetNull('author_id', 'users')}
  )`,
  `create index followups_customer on followups (tenant_id, customer_id, occurred_at desc)`,
  `create index followups_author on followups (tenant_id, author_id, occurred_at desc)`,
  `create table contracts (${base},
    customer_id uuid not null,
    opportunity_id uuid,
    number text not null,
    title text,
    signed_date date,
    start_date date,
    end_date date,
    currency char(3) not null,
    amount_incl_tax numeric(18, 2) not null,
    tax_rate numeric(6, 4) not null default 0,
    status text not null,
    owner_id uuid,
    ${ref('customer_id', 'customers')},
    ${refSetNull('opportunity_id', 'opportunities')},
    ${refSetNull('owner_id', 'users')}
  )`,
  `create unique index contracts_number on contracts (tenant_id, number) where deleted_at is null`,
  `create index contracts_customer on contracts (tenant_id, customer_id)`,
  `create table contract_installments (${base},
    contract_id uuid not null,
    seq integer not null,
    due_date date not null,
    amount numeric(18, 2) not null,
    ${ref('contract_id', 'contracts')}
  )`,
  `create index contract_installments_contract on contract_installments (tenant_id, contract_id, seq)`,
  `create table payments (${base},
    contract_id uuid not null,
    installment_id uuid,
    amount numeric(18, 2) not null,
    currency char(3) not null,
    received_date date not null,
    method text,
    reference text,
    note text,
    ${ref('contract_id', 'contracts')},
    ${refSetNull('installment_id', 'contract_installments')}
  )`,
  `create index payments_contract on payments (tenant_id, contract_id)`,
  `create table products (${base},
    sku text not null,
    name text not null,
    unit_price numeric(18, 2) not null,
    currency char(3) not null default 'CNY',
    is_active boolean not null default true
  )`,
  `create unique index products_sku on products (tenant_id, sku) where deleted_at is null`,
  `create table orders (${base},
    customer_id uuid not null,
    product_id uuid,
    sku text not null,
    quantity numeric(18, 3) not null,
    amount numeric(18, 2) not null,
    currency char(3) not null,
    ordered_at timestamptz(3) not null,
    owner_id uuid,
    ${ref('customer_id', 'customers')},
    ${refSetNull('product_id', 'products')},
    ${refSetNull('owner_id', 'users')}
  )`,
  `create index orders_customer on orders (tenant_id, customer_id, ordered_at desc)`,
  `create table attachments (${base},
    record_type text not null,
    record_id uuid not null,
    customer_id uuid,
    name text not null,
    mime_type text not null,
    size_bytes bigint not null,
    sha256 text not null,
    storage_key text not null,
    ${ref('customer_id', 'customers')}
  )`,
  `create index attachments_record on attachments (tenant_id, record_type, record_id)`,
  `create index attachments_customer on attachments (tenant_id, customer_id)`,
  `create table custom_fields (${base},
    object_type text not null check (object_type in ('customer', 'contact', 'opportunity')),
    key text not null,
    label text not null,
    type text not null check (type in ('text', 'number', 'date', 'singleSelect', 'multiSelect', 'phone', 'email', 'money')),
    options jsonb not null default '[]',
    required boolean not null default false,
    sort_order integer not null default 0
  )`,
  `create unique index custom_fields_key on custom_fields (tenant_id, object_type, key) where deleted_at is null`,
  `create table audit_log (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    occurred_at timestamptz(3) not null default now(),
    actor_id uuid,
    actor_name text,
    action text not null,
    record_type text not null,
    record_id uuid not null,
    changes jsonb not null default '{}',
    request_id text,
    ip text,
    user_agent text,
    primary key (tenant_id, id)
  )`,
  `create index audit_log_record on audit_log (tenant_id, record_type, record_id, occurred_at)`,
  `create function audit_log_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
   end $$`,
  `create trigger audit_log_no_update before update or delete on audit_log
     for each row execute function audit_log_append_only()`,
  `create trigger audit_log_no_truncate before truncate on audit_log
     for each statement execute function audit_log_append_only()`,
  `create table recycle_bin (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    record_type text not null,
    record_id uuid not null,
    title text not null,
    batch_id uuid not null,
    deleted_at timestamptz(3) not null default now(),
    deleted_by uuid,
    primary key (tenant_id, id)
  )`,
  `create unique index recycle_bin_record on recycle_bin (tenant_id, record_type, record_id)`,
  `create index recycle_bin_deleted on recycle_bin (tenant_id, deleted_at desc, id desc)`,
  `create table outbox_events (
    tenant_id uuid not null references tenants(id),
    id uuid not null,
    topic text not null,
    payload jsonb not null,
    created_at timestamptz(3) not null default now(),
    dispatched_at timestamptz(3),
    attempts integer not null default 0,
    last_error text,
    primary key (tenant_id, id)
  )`,
  `create index outbox_pending on outbox_events (created_at) where dispatched_at is null`,
];

/** Row-level security: a backstop keyed on the per-transaction `app.tenant_id` setting. */
function rlsStatements(table: string): string[] {
  const check = `(tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
      or current_setting('app.system', true) = 'on')`;
  return [
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `create policy tenant_isolation on ${table} using ${check} with check ${check}`,
  ];
}

/** A company sees only its own tenants row; sign-in and tenant creation run as system. */
const tenantRls = [
  'alter table tenants enable row level security',
  'alter table tenants force row level security',
  `create policy tenant_self on tenants using (id = nullif(current_setting('app.tenant_id', true), '')::uuid
     or current_setting('app.system', true) = 'on')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
  for (const statement of tenantRls) await sql.raw(statement).execute(db);
  for (const table of businessTables) {
    for (const statement of rlsStatements(table)) await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...businessTables].reverse()) await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  await sql.raw('drop table if exists login_attempts, tenants cascade').execute(db);
  await sql.raw('drop function if exists audit_log_append_only()').execute(db);
}
