import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import { newId } from '../../common/ids.ts';
import { hasSystem } from '../access/access-context.ts';
import { writeAudit, type FieldChanges } from '../audit/audit.ts';
import type { DB } from '../db/schema.ts';
import { AppError, fieldError, notFound, versionConflict } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import type { RuleCondition, RuleOutput, RuleTarget, ruleCreateSchema, ruleUpdateSchema } from './rule-schemas.ts';

type RuleRow = Selectable<DB['assignment_rules']>;

/** Lead-assignment rules are integration settings: they need the manageIntegrations permission. */
export function requireRuleAdmin(ctx: CommandContext) {
  if (!hasSystem(ctx.access, 'manageIntegrations'))
    throw new AppError('MISSING_GRANT', 'managing assignment rules needs the manageIntegrations permission', {
      missing: 'manageIntegrations',
    });
}

export function presentRule(row: RuleRow): RuleOutput {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    conditions: (row.conditions ?? []) as RuleCondition[] as RuleOutput['conditions'],
    target: {
      type: row.target_type as RuleTarget['type'],
      userId: row.user_id,
      departmentId: row.department_id,
      capacity: row.capacity,
    },
    isActive: row.is_active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listRules(ctx: CommandContext): Promise<RuleOutput[]> {
  const rows = await ctx.trx
    .selectFrom('assignment_rules')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(presentRule);
}

/** The target's columns, after checking the user is active or the team exists (400 naming the field). */
async function targetColumns(ctx: CommandContext, target: RuleTarget) {
  const tenant = ctx.actor.tenantId;
  if (target.type === 'user' || target.type === 'fallback') {
    const user = await ctx.trx
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', tenant)
      .where('id', '=', target.userId)
      .where('deleted_at', 'is', null)
      .where('is_active', '=', true)
      .executeTakeFirst();
    if (!user) throw fieldError('target.userId', 'is not an active user of this company');
    return { target_type: target.type, user_id: target.userId, department_id: null, capacity: null };
  }
  const department = await ctx.trx
    .selectFrom('departments')
    .select('id')
    .where('tenant_id', '=', tenant)
    .where('id', '=', target.departmentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!department) throw fieldError('target.departmentId', 'is not a department (team) of this company');
  return {
    target_type: target.type,
    user_id: null,
    department_id: target.departmentId,
    capacity: target.type === 'least_loaded' ? (target.capacity ?? null) : null,
  };
}

export async function createRule(ctx: CommandContext, input: z.output<typeof ruleCreateSchema>): Promise<RuleOutput> {
  requireRuleAdmin(ctx);
  const tenant = ctx.actor.tenantId;
  const columns = await targetColumns(ctx, input.target);
  let position = input.position;
  if (position === undefined) {
    const last = await ctx.trx
      .selectFrom('assignment_rules')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('tenant_id', '=', tenant)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    position = last?.max == null ? 0 : Number(last.max) + 1;
  }
  const row = await ctx.trx
    .insertInto('assignment_rules')
    .values({
      id: newId(),
      tenant_id: tenant,
      name: input.name,
      position,
      conditions: JSON.stringify(input.conditions),
      is_active: input.isActive,
      ...columns,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const presented = presentRule(row);
  await writeAudit(ctx, [
    {
      action: 'create',
      recordType: 'assignmentRule',
      recordId: row.id,
      changes: Object.fromEntries(
        (['name', 'position', 'conditions', 'target', 'isActive'] as const).map((k) => [
          k,
          { before: null, after: presented[k] },
        ]),
      ),
    },
  ]);
  return presented;
}

async function loadRule(ctx: CommandContext, id: string): Promise<RuleRow> {
  const row = await ctx.trx
    .selectFrom('assignment_rules')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('assignmentRule', id);
  return row;
}

/** Edits a rule; every edit bumps its version, which assignments record. */
export async function updateRule(
  ctx: CommandContext,
  id: string,
  input: z.output<typeof ruleUpdateSchema>,
): Promise<RuleOutput> {
  requireRuleAdmin(ctx);
  const existing = await loadRule(ctx, id);
  if (input.version !== undefined && input.version !== existing.version)
    throw versionConflict('assignmentRule', id, existing.version);
  const set: Record<string, unknown> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.position !== undefined) set.position = input.position;
  if (input.conditions !== undefined) set.conditions = JSON.stringify(input.conditions);
  if (input.isActive !== undefined) set.is_active = input.isActive;
  if (input.target !== undefined) Object.assign(set, await targetColumns(ctx, input.target));
  const row = await ctx.trx
    .updateTable('assignment_rules')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()`, updated_by: ctx.actor.userId })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const before = presentRule(existing);
  const after = presentRule(row);
  const changes: FieldChanges = {};
  for (const key of ['name', 'position', 'conditions', 'target', 'isActive', 'version'] as const)
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { before: before[key], after: after[key] };
  await writeAudit(ctx, [{ action: 'update', recordType: 'assignmentRule', recordId: id, changes }]);
  return after;
}

export async function deleteRule(ctx: CommandContext, id: string): Promise<void> {
  requireRuleAdmin(ctx);
  await loadRule(ctx, id);
  await ctx.trx
    .updateTable('assignment_rules')
    .set({ deleted_at: sql`now()`, version: sql`version + 1`, updated_at: sql`now()`, updated_by: ctx.actor.userId })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .execute();
  await writeAudit(ctx, [
    {
      action: 'delete',
      recordType: 'assignmentRule',
      recordId: id,
      changes: { deleted: { before: false, after: true } },
    },
  ]);
}
