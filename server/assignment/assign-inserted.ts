import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import { auditRows } from '../audit/audit.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import {
  ASSIGNED_TOPIC,
  activeUser,
  assignAudit,
  assignCustomer,
  assignmentOf,
  conditionsMatch,
  teamMembers,
  roundRobinTarget,
  teamName,
  userTarget,
  type AssignContext,
  type Assignment,
  type CustomerRow,
  type RuleRow,
} from './assign-customer.ts';
import type { RuleCondition } from './rule-schemas.ts';

type Pick = { customer: CustomerRow; rule: RuleRow; ownerId?: string; how?: string };

/**
 * Runs the assignment rules on customers this transaction has just inserted (a batch of intake),
 * with the outcome `assignCustomer` gives each of them in turn: the first matching rule whose
 * target can take the lead; round-robin rules hand out consecutive slots in the batch's order.
 * The writes are per batch: one counter update per round-robin rule (its row lock orders
 * parallel batches), one update of the customers, one statement for the audit entries and the
 * `customer.assigned` events. With a least-loaded rule, whose pick depends on the counts each
 * assignment changes, every customer is assigned on its own (`assignCustomer`).
 */
export async function assignInserted(
  trx: Trx,
  ctx: AssignContext,
  customers: CustomerRow[],
  rules: RuleRow[],
): Promise<Assignment[]> {
  if (rules.some((rule) => rule.target_type === 'least_loaded')) {
    const done: Assignment[] = [];
    for (const customer of customers) {
      const assignment = await assignCustomer(trx, ctx, customer.id, rules, customer);
      if (assignment) done.push(assignment);
    }
    return done;
  }
  const tenantId = ctx.actor.tenantId;
  const teams = new Map<string, Promise<{ members: Array<{ id: string; display_name: string }>; name: string }>>();
  const team = (departmentId: string) => {
    if (!teams.has(departmentId))
      teams.set(
        departmentId,
        (async () => ({
          members: await teamMembers(trx, tenantId, departmentId),
          name: await teamName(trx, tenantId, departmentId),
        }))(),
      );
    return teams.get(departmentId)!;
  };
  const users = new Map<string, ReturnType<typeof activeUser>>();
  const userOf = (userId: string) => {
    if (!users.has(userId)) users.set(userId, activeUser(trx, tenantId, userId));
    return users.get(userId)!;
  };

  const picks: Pick[] = [];
  for (const customer of customers) {
    for (const rule of rules) {
      if (!conditionsMatch(customer, (rule.conditions ?? []) as RuleCondition[])) continue;
      if (rule.target_type === 'round_robin') {
        if (!rule.department_id || (await team(rule.department_id)).members.length === 0) continue;
        picks.push({ customer, rule });
        break;
      }
      const user = rule.user_id ? await userOf(rule.user_id) : undefined;
      if (!user) continue;
      picks.push({ customer, rule, ...userTarget(rule, user) });
      break;
    }
  }
  await takeRoundRobinSlots(trx, tenantId, picks, team);
  if (picks.length === 0) return [];

  const assignments = picks.map((p) => assignmentOf(p.customer, p.rule, { ownerId: p.ownerId!, how: p.how! }));
  const rows = assignments.map((a) => ({
    id: a.customerId,
    owner_id: a.ownerId,
    rule_id: a.ruleId,
    rule_version: a.ruleVersion,
    reason: a.reason,
  }));
  await sql`
    update customers as c
    set owner_id = v.owner_id, assigned_by_rule_id = v.rule_id, assigned_rule_version = v.rule_version,
      assignment_reason = v.reason, version = c.version + 1, updated_at = now(), updated_by = ${ctx.actor.userId}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(id uuid, owner_id uuid, rule_id uuid, rule_version int, reason text)
    where c.tenant_id = ${tenantId} and c.id = v.id`.execute(trx);
  const actor = { id: ctx.actor.userId, name: ctx.actor.displayName };
  await trx
    .with('audit', (db) =>
      db.insertInto('audit_log').values(
        auditRows(
          tenantId,
          actor,
          ctx.meta,
          picks.map((p, i) => assignAudit(p.customer, assignments[i]!)),
        ),
      ),
    )
    .insertInto('outbox_events')
    .values(
      assignments.map((a) => ({
        tenant_id: tenantId,
        id: newId(),
        topic: ASSIGNED_TOPIC,
        payload: JSON.stringify({ ...a, notifyUserId: a.ownerId }),
      })),
    )
    .execute();
  return assignments;
}

/**
 * Gives each round-robin pick its slot: the rule's counter advances once by the number of picks
 * (under its row lock, so a parallel batch takes the slots after these), and the picks take the
 * slots in order, as one `assignCustomer` after another would.
 */
async function takeRoundRobinSlots(
  trx: Trx,
  tenantId: string,
  picks: Pick[],
  team: (departmentId: string) => Promise<{ members: Array<{ id: string; display_name: string }>; name: string }>,
) {
  const byRule = new Map<string, Pick[]>();
  for (const pick of picks)
    if (pick.rule.target_type === 'round_robin') byRule.set(pick.rule.id, [...(byRule.get(pick.rule.id) ?? []), pick]);
  for (const [ruleId, ruled] of byRule) {
    const { rr_counter } = await trx
      .updateTable('assignment_rules')
      .set({ rr_counter: sql`rr_counter + ${ruled.length}` })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', ruleId)
      .returning('rr_counter')
      .executeTakeFirstOrThrow();
    const { members, name } = await team(ruled[0]!.rule.department_id!);
    const first = BigInt(rr_counter) - BigInt(ruled.length) + 1n;
    ruled.forEach((pick, i) =>
      Object.assign(pick, roundRobinTarget(members, name, Number((first + BigInt(i) - 1n) % BigInt(members.length)))),
    );
  }
}
