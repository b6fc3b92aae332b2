import { sql, type Selectable } from 'kysely';
import { writeAuditAs, type AuditEntry } from '../audit/audit.ts';
import type { DB } from '../db/schema.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { notFound } from '../errors.ts';
import { writeOutboxEvent } from '../jobs/outbox.ts';
import type { CommandContext } from '../resources/context.ts';
import type { RuleCondition } from './rule-schemas.ts';

export type RuleRow = Selectable<DB['assignment_rules']>;
export type CustomerRow = Selectable<DB['customers']>;

/** Who assigns: the request's or the job's actor (a service user for intake) and its request meta. */
export type AssignContext = Pick<CommandContext, 'actor' | 'meta'>;

export interface Assignment {
  customerId: string;
  ownerId: string;
  previousOwnerId: string | null;
  ruleId: string;
  ruleVersion: number;
  reason: string;
}

/** The outbox topic that tells the new owner a customer was assigned to them. */
export const ASSIGNED_TOPIC = 'customer.assigned';

function fieldValue(customer: CustomerRow, field: string): string | null {
  if (field.startsWith('custom.')) {
    const value = (customer.custom as Record<string, unknown> | null)?.[field.slice(7)];
    return value === undefined || value === null || value === '' ? null : String(value);
  }
  const value = (customer as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function conditionsMatch(customer: CustomerRow, conditions: RuleCondition[]): boolean {
  return conditions.every((c) => {
    const value = fieldValue(customer, c.field);
    if (value === null) return false;
    if (c.op === 'in') return (c.value as string[]).includes(value);
    if (c.op === 'prefix') return value.startsWith(c.value as string);
    return value === c.value;
  });
}

export const describeConditions = (conditions: RuleCondition[]) =>
  conditions.length === 0
    ? 'no conditions'
    : conditions
        .map((c) => `${c.field} ${c.op} ${Array.isArray(c.value) ? `[${c.value.join(', ')}]` : c.value}`)
        .join(' and ');

/** Active, live people (not service users) of a team, in a stable order. */
export async function teamMembers(trx: Trx, tenantId: string, departmentId: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('department_id', '=', departmentId)
    .where('deleted_at', 'is', null)
    .where('is_active', '=', true)
    .where('is_service', '=', false)
    .orderBy('id')
    .execute();
}

export async function teamName(trx: Trx, tenantId: string, departmentId: string) {
  const row = await trx
    .selectFrom('departments')
    .select('name')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', departmentId)
    .executeTakeFirst();
  return row?.name ?? departmentId;
}

/** A live, active user (a rule's target user), or undefined. */
export async function activeUser(trx: Trx, tenantId: string, userId: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .where('is_active', '=', true)
    .executeTakeFirst();
}

/** A user or fallback rule's pick, with the reason it gives. */
export const userTarget = (rule: RuleRow, user: { id: string; display_name: string }) => ({
  ownerId: user.id,
  how: `${rule.target_type === 'fallback' ? 'fallback owner' : 'user'} ${user.display_name}`,
});

/** A round-robin pick: the member in `slot` (0-based) of the team. */
export const roundRobinTarget = (members: Array<{ id: string; display_name: string }>, team: string, slot: number) => ({
  ownerId: members[slot]!.id,
  how: `round-robin ${slot + 1}/${members.length} in ${team}: ${members[slot]!.display_name}`,
});

/** The owner a rule picks for the customer, or undefined when it cannot place it (next rule). */
async function resolveTarget(
  trx: Trx,
  tenantId: string,
  rule: RuleRow,
  customerId: string,
): Promise<{ ownerId: string; how: string } | undefined> {
  if (rule.target_type === 'user' || rule.target_type === 'fallback') {
    const user = rule.user_id ? await activeUser(trx, tenantId, rule.user_id) : undefined;
    return user && userTarget(rule, user);
  }
  if (!rule.department_id) return undefined;
  const members = await teamMembers(trx, tenantId, rule.department_id);
  if (members.length === 0) return undefined;
  const team = await teamName(trx, tenantId, rule.department_id);
  if (rule.target_type === 'round_robin') {
    // the counter advances under the rule's row lock: parallel assignments take consecutive slots
    const { rr_counter } = await trx
      .updateTable('assignment_rules')
      .set({ rr_counter: sql`rr_counter + 1` })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', rule.id)
      .returning('rr_counter')
      .executeTakeFirstOrThrow();
    return roundRobinTarget(members, team, Number((BigInt(rr_counter) - 1n) % BigInt(members.length)));
  }
  // least loaded: lock the rule first, so parallel assignments count each other's committed leads
  await trx
    .selectFrom('assignment_rules')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', rule.id)
    .forUpdate()
    .execute();
  const loads = await trx
    .selectFrom('customers')
    .select(['owner_id', (eb) => eb.fn.countAll<string>().as('open')])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'active')
    .where('id', '<>', customerId)
    .where(
      'owner_id',
      'in',
      members.map((m) => m.id),
    )
    .groupBy('owner_id')
    .execute();
  const load = new Map(loads.map((l) => [l.owner_id, Number(l.open)]));
  let best: { id: string; display_name: string; open: number } | undefined;
  for (const member of members) {
    const open = load.get(member.id) ?? 0;
    if (rule.capacity !== null && open >= rule.capacity) continue;
    if (!best || open < best.open) best = { ...member, open };
  }
  if (!best) return undefined;
  const cap = rule.capacity === null ? '' : ` (cap ${rule.capacity})`;
  return { ownerId: best.id, how: `least loaded in ${team}: ${best.display_name} with ${best.open} open leads${cap}` };
}

/** What a rule's pick means for a customer: the new owner, the rule and the reason it gives. */
export function assignmentOf(
  customer: CustomerRow,
  rule: RuleRow,
  target: { ownerId: string; how: string },
): Assignment {
  const conditions = (rule.conditions ?? []) as RuleCondition[];
  return {
    customerId: customer.id,
    ownerId: target.ownerId,
    previousOwnerId: customer.owner_id,
    ruleId: rule.id,
    ruleVersion: rule.version,
    reason: `rule "${rule.name}" v${rule.version} (${describeConditions(conditions)}): ${target.how}`,
  };
}

/** The audit entry of an assignment: owner, rule, version and reason, before and after. */
export const assignAudit = (customer: CustomerRow, a: Assignment): AuditEntry => ({
  action: 'assign',
  recordType: 'customer',
  recordId: customer.id,
  changes: {
    ownerId: { before: customer.owner_id, after: a.ownerId },
    assignedByRuleId: { before: customer.assigned_by_rule_id, after: a.ruleId },
    assignedRuleVersion: { before: customer.assigned_rule_version, after: a.ruleVersion },
    assignmentReason: { before: customer.assignment_reason, after: a.reason },
  },
});

/** The company's active rules in their order (what `assignCustomer` runs). */
export async function activeRules(trx: Trx, tenantId: string): Promise<RuleRow[]> {
  return trx
    .selectFrom('assignment_rules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where('is_active', '=', true)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/**
 * Runs the company's assignment rules, in order, on a customer, in the caller's transaction
 * (the intake job calls it in the transaction that creates the customer). The first active rule
 * whose conditions match and whose target can take the lead sets the owner; a rule whose user
 * is inactive, whose team is empty or whose reps are all at capacity passes to the next rule.
 * Records the rule, its version and the reason on the customer, writes an audit row and an
 * outbox event (`customer.assigned`) that notifies the new owner. Answers undefined (and
 * changes nothing) when no rule places the customer.
 *
 * Rules place inbound leads only (intake, review-queue creates). A customer a person creates
 * through the API or the web app has an owner by contract — the one given, else its creator
 * (customer-spec `ownerId`: "Defaults to the creator") — so it is never handed to a rule.
 */
export async function assignCustomer(
  trx: Trx,
  ctx: AssignContext,
  customerId: string,
  /** The company's active rules, when the caller loaded them once for a batch (`activeRules`). */
  preloaded?: RuleRow[],
  /**
   * The customer as this transaction just inserted it (a batch's new customers): no other
   * transaction sees it before the commit, so it needs neither a read nor a lock.
   */
  inserted?: CustomerRow,
): Promise<Assignment | undefined> {
  const tenantId = ctx.actor.tenantId;
  const customer =
    inserted ??
    (await trx
      .selectFrom('customers')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', customerId)
      .where('deleted_at', 'is', null)
      .forUpdate()
      .executeTakeFirst());
  if (!customer) throw notFound('customer', customerId);
  const rules = preloaded ?? (await activeRules(trx, tenantId));
  for (const rule of rules) {
    const conditions = (rule.conditions ?? []) as RuleCondition[];
    if (!conditionsMatch(customer, conditions)) continue;
    const target = await resolveTarget(trx, tenantId, rule, customerId);
    if (!target) continue;
    const assignment = assignmentOf(customer, rule, target);
    const { reason } = assignment;
    await trx
      .updateTable('customers')
      .set({
        owner_id: target.ownerId,
        assigned_by_rule_id: rule.id,
        assigned_rule_version: rule.version,
        assignment_reason: reason,
        version: sql`version + 1`,
        updated_at: sql`now()`,
        updated_by: ctx.actor.userId,
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', customerId)
      .execute();
    await writeAuditAs(trx, tenantId, { id: ctx.actor.userId, name: ctx.actor.displayName }, ctx.meta, [
      assignAudit(customer, assignment),
    ]);
    await writeOutboxEvent(trx, tenantId, ASSIGNED_TOPIC, { ...assignment, notifyUserId: target.ownerId });
    return assignment;
  }
  return undefined;
}
