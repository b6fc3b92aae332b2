import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.ts';
import { hasSystem } from '../access/access-context.ts';
import type { AppServices } from '../services.ts';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { AppError, notFound } from '../errors.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { explainAccess } from './explain.ts';
import { authorize } from '../access/authorize.ts';
import { findResourceByType } from '../resources/registry.ts';
import { inheritanceAudit } from './inheritance-audit.ts';
import { buildMatrix, matrixWorkbook } from './matrix.ts';
import { createRole, deleteRole, requireRoleAdmin, setUserRoles, updateRole } from './role-commands.ts';
import { roleCreateSchema, roleOutput, roleUpdateSchema } from './role-schemas.ts';
import { loadRoles } from './role-store.ts';
import { simulate, simulateSchema } from './simulate.ts';

/** Roles, user roles, matrix, inheritance audit, explain and simulate. */
export function registerAccessAdminRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const onRequest = authHook(db);
  const tags = ['Access control'];
  const auditor = (access: Parameters<typeof hasSystem>[0]) => {
    if (!hasSystem(access, 'manageRoles') && !hasSystem(access, 'viewAudit')) {
      throw new AppError('MISSING_GRANT', 'this needs the manageRoles or viewAudit permission', {
        missing: 'manageRoles',
      });
    }
  };

  r.get('/api/v1/roles', {
    config: { access: { anyOf: ['manageRoles', 'viewAudit'] } },
    onRequest,
    schema: {
      tags,
      summary: 'Roles with their chains, holders, grants and field rules',
      response: { 200: z.object({ data: z.array(roleOutput) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        auditor(ctx.access);
        return { data: await loadRoles(ctx.trx, ctx.actor.tenantId) };
      }),
  });
  r.get('/api/v1/roles/:id', {
    config: { access: { anyOf: ['manageRoles', 'viewAudit'] } },
    onRequest,
    schema: {
      tags,
      summary: 'One role',
      params: idParams,
      response: { 200: z.object({ data: roleOutput }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        auditor(ctx.access);
        const [role] = await loadRoles(ctx.trx, ctx.actor.tenantId, request.params.id);
        if (!role) throw notFound('role', request.params.id);
        return { data: role };
      }),
  });
  r.post('/api/v1/roles', {
    config: { access: { anyOf: ['manageRoles'] } },
    onRequest,
    schema: {
      tags,
      summary: 'Create a role (an inheritance chain deeper than 2, or a cycle, is rejected)',
      body: roleCreateSchema,
      response: { 201: z.object({ data: roleOutput }), ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send({ data: await inTenant(db, request, (ctx) => createRole(ctx, request.body)) }),
  });
  r.patch('/api/v1/roles/:id', {
    config: { access: { anyOf: ['manageRoles'] } },
    onRequest,
    schema: {
      tags,
      summary: 'Change a role; grants and fieldRules, when given, replace the current ones',
      params: idParams,
      body: roleUpdateSchema,
      response: { 200: z.object({ data: roleOutput }), ...errorResponses },
    },
    handler: async (request) => ({
      data: await inTenant(db, request, (ctx) => updateRole(ctx, request.params.id, request.body)),
    }),
  });
  r.delete('/api/v1/roles/:id', {
    config: { access: { anyOf: ['manageRoles'] } },
    onRequest,
    schema: {
      tags,
      summary: 'Delete a role nobody holds and no role inherits from',
      params: idParams,
      response: { 200: z.object({ data: roleOutput }), ...errorResponses },
    },
    handler: async (request) => ({ data: await inTenant(db, request, (ctx) => deleteRole(ctx, request.params.id)) }),
  });

  const userRoles = z.object({ data: z.array(z.object({ id: z.string(), name: z.string() })) });
  r.get('/api/v1/users/:id/roles', {
    config: { access: 'signedIn' },
    onRequest,
    schema: { tags, summary: "A user's roles", params: idParams, response: { 200: userRoles, ...errorResponses } },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        if (request.params.id !== ctx.actor.userId) auditor(ctx.access);
        const user = await ctx.trx
          .selectFrom('users')
          .select('id')
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('id', '=', request.params.id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!user) throw notFound('user', request.params.id);
        const rows = await ctx.trx
          .selectFrom('user_roles')
          .innerJoin('roles', (j) =>
            j.onRef('roles.tenant_id', '=', 'user_roles.tenant_id').onRef('roles.id', '=', 'user_roles.role_id'),
          )
          .select(['roles.id', 'roles.name'])
          .where('user_roles.tenant_id', '=', ctx.actor.tenantId)
          .where('user_roles.user_id', '=', request.params.id)
          .where('user_roles.deleted_at', 'is', null)
          .orderBy('roles.name')
          .execute();
        return { data: rows };
      }),
  });
  r.put('/api/v1/users/:id/roles', {
    config: { access: { anyOf: ['manageRoles', 'manageUsers'] } },
    onRequest,
    schema: {
      tags,
      summary: "Replace a user's roles",
      params: idParams,
      body: z.object({ roleIds: z.array(z.uuid()).max(50) }),
      response: { 200: userRoles, ...errorResponses },
    },
    handler: async (request) => ({
      data: await inTenant(db, request, (ctx) =>
        setUserRoles(ctx, request.params.id, [...new Set(request.body.roleIds)]),
      ),
    }),
  });

  r.post('/api/v1/users/:id/end-sandbox', {
    onRequest,
    config: { access: { anyOf: ['manageUsers'] } },
    schema: {
      tags,
      summary: "End a new hire's sandbox early",
      params: idParams,
      response: {
        200: z.object({ data: z.object({ id: z.string(), sandboxEndedAt: z.string() }) }),
        ...errorResponses,
      },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const row = await ctx.trx
          .updateTable('users')
          .set({
            sandbox_ended_at: sql`now()`,
            version: sql`version + 1`,
            updated_at: sql`now()`,
            updated_by: ctx.actor.userId,
          })
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('id', '=', request.params.id)
          .where('deleted_at', 'is', null)
          .returning(['id', 'sandbox_ended_at'])
          .executeTakeFirst();
        if (!row) throw notFound('user', request.params.id);
        await writeAudit(ctx, [
          {
            action: 'sandbox.end',
            recordType: 'user',
            recordId: row.id,
            changes: { sandboxEndedAt: { before: null, after: row.sandbox_ended_at!.toISOString() } },
          },
        ]);
        return { data: { id: row.id, sandboxEndedAt: row.sandbox_ended_at!.toISOString() } };
      }),
  });

  r.get('/api/v1/access/matrix', {
    config: { access: { anyOf: ['manageRoles', 'viewAudit'] } },
    onRequest,
    schema: {
      tags,
      summary:
        'Permission matrix: roles × objects × actions with each effective grant, its scope and where it comes from',
      querystring: z.object({ format: z.enum(['json', 'xlsx']).default('json') }),
    },
    handler: async (request, reply) => {
      const matrix = await inTenant(db, request, async (ctx) => {
        auditor(ctx.access);
        return buildMatrix(ctx.trx, ctx.actor.tenantId);
      });
      if (request.query.format === 'xlsx') {
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('权限矩阵.xlsx')}`)
          .send(await matrixWorkbook(matrix));
      }
      return { data: matrix };
    },
  });

  r.get('/api/v1/access/inheritance-audit', {
    config: { access: { anyOf: ['manageRoles', 'viewAudit'] } },
    onRequest,
    schema: {
      tags,
      summary: "Every role's inheritance chain; roles deeper than 2, in a cycle or suspended are alerts",
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        auditor(ctx.access);
        return { data: await inheritanceAudit(ctx.trx, ctx.actor.tenantId) };
      }),
  });

  r.get('/api/v1/access/explain', {
    config: { access: 'signedIn' },
    onRequest,
    schema: {
      tags,
      summary:
        'Why a user can or cannot act on a record: per action, the grants, scopes and field rules that decided it',
      querystring: z.object({ userId: z.uuid(), recordType: z.string().max(40), recordId: z.uuid() }),
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        if (request.query.userId !== ctx.actor.userId) auditor(ctx.access);
        else {
          // asking about oneself: a record one cannot read stays hidden (its existence must not leak)
          const spec = findResourceByType(request.query.recordType);
          if (spec) await authorize(ctx.trx, ctx.access, spec, 'read', { id: request.query.recordId });
        }
        return {
          data: await explainAccess(
            ctx.trx,
            ctx.actor.tenantId,
            request.query.userId,
            request.query.recordType,
            request.query.recordId,
          ),
        };
      }),
  });

  r.post('/api/v1/access/simulate', {
    config: { access: { anyOf: ['manageRoles'] } },
    onRequest,
    schema: {
      tags,
      summary:
        'Dry-run changes to roles, inheritance or user roles: per affected user, records and actions gained or lost, new risky combinations',
      body: simulateSchema,
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        requireRoleAdmin(ctx);
        return { data: await simulate(ctx.trx, ctx.actor.tenantId, request.body.changes) };
      }),
  });
}
