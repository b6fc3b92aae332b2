import { sql, type Kysely } from 'kysely';
import { baseColumns, ref, refSetNull, rlsStatements } from './sql-fragments.ts';

/**
 * Lead assignment and the consistency scan.
 * - `assignment_rules`: ordered, versioned rules per company (each edit bumps `version`);
 *   `rr_counter` is the round-robin slot counter, advanced under the rule's row lock.
 * - `customers.assigned_by_rule_id / assigned_rule_version / assignment_reason`: which rule (at
 *   which version) placed the customer with its owner, and why.
 * - `consistency_reports` and `consistency_findings`: the findings of each scan per company.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table assignment_rules (${baseColumns},
      name text not null,
      position integer not null,
      conditions jsonb not null default '[]',
      target_type text not null check (target_type in ('user', 'round_robin', 'least_loaded', 'fallback')),
      user_id uuid,
      department_id uuid,
      capacity integer check (capacity is null or capacity > 0),
      is_active boolean not null default true,
      rr_counter bigint not null default 0,
      ${refSetNull('user_id', 'users')},
      ${refSetNull('department_id', 'departments')}
    )`,
    `create index assignment_rules_order on assignment_rules (tenant_id, position, id) where deleted_at is null`,
    `create index assignment_rules_user on assignment_rules (tenant_id, user_id)`,
    `create index assignment_rules_department on assignment_rules (tenant_id, department_id)`,
    ...rlsStatements('assignment_rules'),
    `alter table customers add column assigned_by_rule_id uuid,
      add column assigned_rule_version integer,
      add column assignment_reason text`,
    `create table consistency_reports (${baseColumns},
      trigger text not null check (trigger in ('cli', 'api', 'schedule')),
      status text not null default 'running' check (status in ('running', 'done', 'failed')),
      finished_at timestamptz(3),
      summary jsonb not null default '{}'
    )`,
    `create index consistency_reports_latest on consistency_reports (tenant_id, created_at desc, id desc)`,
    ...rlsStatements('consistency_reports'),
    `create table consistency_findings (${baseColumns},
      report_id uuid not null,
      check_name text not null,
      record_type text,
      record_ids uuid[] not null default '{}',
      detail jsonb not null default '{}',
      suggested_fix text not null,
      fix_kind text check (fix_kind in ('reassign_owner', 'merge')),
      fixed_at timestamptz(3),
      fixed_by uuid,
      ${ref('report_id', 'consistency_reports')}
    )`,
    `create index consistency_findings_report on consistency_findings (tenant_id, report_id, check_name, id)`,
    ...rlsStatements('consistency_findings'),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'drop table consistency_findings',
    'drop table consistency_reports',
    `alter table customers drop column assigned_by_rule_id, drop column assigned_rule_version,
      drop column assignment_reason`,
    'drop table assignment_rules',
  ])
    await sql.raw(statement).execute(db);
}
