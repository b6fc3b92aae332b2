import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { timeZoneOf } from '../integration/pull/pull-config.ts';
import type { AppServices } from '../services.ts';
import { completeNextStep, dueNextSteps, type NextStepItem } from '../smart-buttons/next-steps.ts';

const todoOutput = z
  .object({
    id: z.string(),
    kind: z
      .enum(['todo', 'nextStep'])
      .describe("a to-do, or the next step of a follow-up the caller wrote (its id is the follow-up's)"),
    title: z.string().nullable().describe("a next step's text as the caller's field view shows it (null when hidden)"),
    dueAt: z.string(),
    recordType: z.string().nullable(),
    recordId: z.string().nullable(),
    ruleId: z.string().nullable(),
    completedAt: z.string().nullable(),
    customerId: z.string().nullable(),
  })
  .meta({ id: 'Todo' });

type TodoRow = {
  id: string;
  title: string;
  due_at: Date;
  record_type: string | null;
  record_id: string | null;
  rule_id: string | null;
  completed_at: Date | null;
};

const present = (t: TodoRow) => ({
  id: t.id,
  kind: 'todo' as const,
  title: t.title,
  dueAt: t.due_at.toISOString(),
  recordType: t.record_type,
  recordId: t.record_id,
  ruleId: t.rule_id,
  completedAt: t.completed_at?.toISOString() ?? null,
  customerId: t.record_type === 'customer' ? t.record_id : null,
});

const presentNextStep = (n: NextStepItem, completedAt: Date | null = null) => ({
  id: n.id,
  kind: 'nextStep' as const,
  title: n.title,
  dueAt: n.due_at.toISOString(),
  recordType: 'followup',
  recordId: n.id,
  ruleId: null,
  completedAt: completedAt?.toISOString() ?? null,
  customerId: n.customer_id,
});

/**
 * The caller's own to-dos (written by rule actions and next-step escalations) and the open next
 * steps of follow-ups they wrote: `due=today` lists those due by the end of today in the
 * company's time zone (overdue included), `due=overdue` those already past due; sorted by due
 * time. Completing is one call, on one's own to-do or next step only.
 */
export function registerTodoRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const onRequest = authHook(db);
  const tags = ['Automation'];

  r.get('/api/v1/todos', {
    config: { access: 'signedIn' },
    onRequest,
    schema: {
      tags,
      summary: "The caller's open to-dos and next steps, by due time: due today (overdue included) or overdue",
      querystring: z.object({
        due: z.enum(['today', 'overdue']).default('today'),
        limit: z.coerce.number().int().min(1).max(200).default(100),
      }),
      response: { 200: z.object({ data: z.array(todoOutput) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const tenant = await ctx.trx
          .selectFrom('tenants')
          .select('settings')
          .where('id', '=', ctx.actor.tenantId)
          .executeTakeFirst();
        const zone = timeZoneOf(tenant?.settings);
        // the end of today in the company's zone: midnight of tomorrow there, as an instant
        const endOfToday = sql<Date>`(date_trunc('day', now() at time zone ${zone}) + interval '1 day') at time zone ${zone}`;
        const before = request.query.due === 'overdue' ? sql<Date>`now()` : endOfToday;
        const rows = await ctx.trx
          .selectFrom('todos')
          .select(['id', 'title', 'due_at', 'record_type', 'record_id', 'rule_id', 'completed_at'])
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('user_id', '=', ctx.actor.userId)
          .where('deleted_at', 'is', null)
          .where('completed_at', 'is', null)
          .where('due_at', '<', before)
          .orderBy('due_at')
          .orderBy('id')
          .limit(request.query.limit)
          .execute();
        const steps = await dueNextSteps(ctx, before, request.query.limit);
        const items = [...rows.map(present), ...steps.map((n) => presentNextStep(n))];
        items.sort((x, y) => x.dueAt.localeCompare(y.dueAt) || x.id.localeCompare(y.id));
        return { data: items.slice(0, request.query.limit) };
      }),
  });

  r.post('/api/v1/todos/:id/complete', {
    config: { access: 'signedIn' },
    onRequest,
    schema: {
      tags,
      summary: 'Complete one of your own to-dos or next steps (completing it again changes nothing)',
      params: idParams,
      response: { 200: z.object({ data: todoOutput }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const where = {
          tenant_id: ctx.actor.tenantId,
          id: request.params.id,
          user_id: ctx.actor.userId,
        };
        await ctx.trx
          .updateTable('todos')
          .set({
            completed_at: sql<Date>`coalesce(completed_at, now())`,
            updated_at: sql<Date>`now()`,
            updated_by: ctx.actor.userId,
          })
          .where('tenant_id', '=', where.tenant_id)
          .where('id', '=', where.id)
          .where('user_id', '=', where.user_id)
          .where('deleted_at', 'is', null)
          .execute();
        const row = await ctx.trx
          .selectFrom('todos')
          .select(['id', 'title', 'due_at', 'record_type', 'record_id', 'rule_id', 'completed_at'])
          .where('tenant_id', '=', where.tenant_id)
          .where('id', '=', where.id)
          .where('user_id', '=', where.user_id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (row) return { data: present(row) };
        if (!(await completeNextStep(ctx, request.params.id))) throw notFound('todo', request.params.id);
        const step = await ctx.trx
          .selectFrom('followups')
          .innerJoin('followup_next_steps as s', (j) =>
            j.onRef('s.tenant_id', '=', 'followups.tenant_id').onRef('s.followup_id', '=', 'followups.id'),
          )
          .select(['followups.id', 'followups.next_step_at', 'followups.customer_id', 's.done_at'])
          .where('followups.tenant_id', '=', ctx.actor.tenantId)
          .where('followups.id', '=', request.params.id)
          .executeTakeFirstOrThrow();
        return {
          data: presentNextStep(
            { id: step.id, title: null, due_at: new Date(step.next_step_at!), customer_id: step.customer_id },
            step.done_at ? new Date(step.done_at) : null,
          ),
        };
      }),
  });
}
