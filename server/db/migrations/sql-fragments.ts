/** SQL pieces every migration of a tenant-scoped table uses. */

/** The columns every business table carries; the primary key includes tenant_id. */
export const baseColumns = `
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
export const ref = (column: string, table: string, onDelete = 'cascade') =>
  `foreign key (tenant_id, ${column}) references ${table}(tenant_id, id) on delete ${onDelete}`;

/** `set null` must only null the id column, never tenant_id (PostgreSQL 15+ column list). */
export const refSetNull = (column: string, table: string) =>
  `foreign key (tenant_id, ${column}) references ${table}(tenant_id, id) on delete set null (${column})`;

/** Row-level security: a backstop keyed on the per-transaction `app.tenant_id` setting. */
export function rlsStatements(table: string): string[] {
  const check = `(tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
      or current_setting('app.system', true) = 'on')`;
  return [
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `create policy tenant_isolation on ${table} using ${check} with check ${check}`,
  ];
}
