import { sql, type Expression, type SqlBool } from 'kysely';
import { accessPlan } from '../access/access-plan.ts';
import type { CommandContext } from '../resources/context.ts';
import { findResourceByType } from '../resources/registry.ts';

/** Record types findings name; a finding is shown only when the caller may read every record in it. */
const findingRecordTypes = ['customer', 'contact', 'opportunity', 'contract', 'order'] as const;

export interface FindingRow {
  id: string;
  report_id: string;
  check_name: string;
  record_type: string | null;
  record_ids: string[];
  detail: Record<string, unknown>;
  suggested_fix: string;
  fix_kind: string | null;
  fixed_at: Date | null;
}

/**
 * The findings the caller may see, as SQL over `consistency_findings f`: schema findings (no
 * records) to anyone allowed on the route, record findings only when each of their records is in
 * the caller's read scope — compiled from the access module and applied before paging.
 */
export function visibleFinding(ctx: CommandContext): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [sql<SqlBool>`f.record_type is null`];
  for (const type of findingRecordTypes) {
    const spec = findResourceByType(type);
    if (!spec) continue;
    const scope = sql.join(accessPlan(ctx.access).of(spec).rows('read'), sql` and `);
    parts.push(sql<SqlBool>`(f.record_type = ${type} and not exists (
      select 1 from unnest(f.record_ids) as rid(id) where not exists (
        select 1 from ${sql.table(spec.table)} where ${sql.ref(`${spec.table}.id`)} = rid.id and ${scope})))`);
  }
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

export async function latestReport(ctx: CommandContext) {
  return ctx.trx
    .selectFrom('consistency_reports')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('status', '=', 'done')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listFindings(
  ctx: CommandContext,
  reportId: string,
  params: { check?: string; limit: number; cursor?: string; open?: boolean },
): Promise<FindingRow[]> {
  const rows = await sql<FindingRow>`
    select f.id, f.report_id, f.check_name, f.record_type, f.record_ids, f.detail, f.suggested_fix, f.fix_kind, f.fixed_at
    from consistency_findings f
    where f.tenant_id = ${ctx.actor.tenantId} and f.report_id = ${reportId}
      ${params.check ? sql`and f.check_name = ${params.check}` : sql``}
      ${params.open ? sql`and f.fixed_at is null` : sql``}
      ${params.cursor ? sql`and f.id > ${params.cursor}` : sql``}
      and ${visibleFinding(ctx)}
    order by f.id
    limit ${params.limit}`.execute(ctx.trx);
  return rows.rows;
}

export async function loadVisibleFinding(ctx: CommandContext, id: string): Promise<FindingRow | undefined> {
  const rows = await sql<FindingRow>`
    select f.id, f.report_id, f.check_name, f.record_type, f.record_ids, f.detail, f.suggested_fix, f.fix_kind, f.fixed_at
    from consistency_findings f
    where f.tenant_id = ${ctx.actor.tenantId} and f.id = ${id} and ${visibleFinding(ctx)}
    for update of f`.execute(ctx.trx);
  return rows.rows[0];
}

/** Each record's title as the caller sees it (masked or hidden by field rules), read in scope. */
export async function recordTitles(
  ctx: CommandContext,
  findings: FindingRow[],
  perFinding: number,
): Promise<Map<string, string | null>> {
  const titles = new Map<string, string | null>();
  const byType = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!f.record_type) continue;
    const set = byType.get(f.record_type) ?? new Set<string>();
    for (const id of f.record_ids.slice(0, perFinding)) set.add(id);
    byType.set(f.record_type, set);
  }
  for (const [type, ids] of byType) {
    const spec = findResourceByType(type);
    if (!spec || ids.size === 0) continue;
    const title = accessPlan(ctx.access).of(spec).fieldSql(spec.titleField, spec.table) ?? sql`null`;
    const rows = await sql<{ id: string; title: unknown }>`
      select ${sql.ref(`${spec.table}.id`)} as id, ${title} as title from ${sql.table(spec.table)}
      where ${sql.ref(`${spec.table}.id`)} = any(${[...ids]}::uuid[]) and ${sql.join(accessPlan(ctx.access).of(spec).rows('read'), sql` and `)}`.execute(
      ctx.trx,
    );
    for (const row of rows.rows) titles.set(row.id, row.title == null ? null : String(row.title));
  }
  return titles;
}
