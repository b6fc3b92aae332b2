import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppServices } from '../services.ts';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { fieldError } from '../errors.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { decideApproval } from './approval-decisions.ts';
import {
  approvalKinds,
  approvalQuery,
  approvalSchema,
  approvalStatuses,
  loadVisibleApproval,
  presentApproval,
  visibleApprovals,
} from './approval-model.ts';
import {
  approvalCreateSchema,
  cancelApproval,
  requestContractDeletion,
  requestPhoneExport,
} from './approval-requests.ts';
import { prepareExport } from '../exports/export-request.ts';

const one = z.object({ data: approvalSchema });

function parseCursor(cursor: string | undefined): { d: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { d: string; id: string };
    if (typeof parsed.d !== 'string' || typeof parsed.id !== 'string') throw new Error('shape');
    return parsed;
  } catch {
    throw fieldError('cursor', 'is not a cursor this API issued');
  }
}

export function registerApprovalRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const tags = ['Approvals'];
  const base = '/api/v1/approvals';

  r.post(base, {
    onRequest: authHook(db),
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Request an approval (contract deletion, export with phone numbers)',
      description:
        'contract_delete: you must be allowed to delete the contract; a user with the approveContractDeletion permission decides and approving deletes it. export: CRM administrators only, for exports that include phone numbers; another holder of approveExports decides and approving generates a one-time file.',
      body: approvalCreateSchema,
      response: { 202: one.describe('The pending request'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const row = await inTenant(db, request, async (ctx) => {
        if (body.kind === 'contract_delete') return requestContractDeletion(ctx, body.payload.contractId, body.reason);
        const prepared = prepareExport(ctx.access, body.payload);
        return requestPhoneExport(ctx, body.payload, prepared, body.reason ?? null);
      });
      return reply.status(202).send({ data: presentApproval(row) });
    },
  });

  r.get(base, {
    onRequest: authHook(db),
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Your requests and your approver inbox',
      description:
        'Everybody sees their own requests; holders of approveContractDeletion / approveExports also see the pending requests of that kind, and those they decided.',
      querystring: z.object({
        status: z.enum(approvalStatuses).optional(),
        kind: z.enum(approvalKinds).optional(),
        mine: z.enum(['true', 'false']).optional().describe('true: only the requests you made'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(200).optional(),
      }),
      response: {
        200: z.object({ data: z.array(approvalSchema), nextCursor: z.string().nullable() }),
        ...errorResponses,
      },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor, access }) => {
        const { status, kind, mine, limit } = request.query;
        const after = parseCursor(request.query.cursor);
        const rows = await approvalQuery(trx, actor.tenantId)
          .where(visibleApprovals(access))
          .$if(Boolean(status), (q) => q.where('approvals.status', '=', status!))
          .$if(Boolean(kind), (q) => q.where('approvals.kind', '=', kind!))
          .$if(mine === 'true', (q) => q.where('approvals.requested_by', '=', actor.userId))
          .$if(Boolean(after), (q) =>
            q.where(
              sql`(approvals.created_at, approvals.id)`,
              '<',
              sql`(${after!.d}::timestamptz, ${after!.id}::uuid)`,
            ),
          )
          .orderBy('approvals.created_at', 'desc')
          .orderBy('approvals.id', 'desc')
          .limit(limit + 1)
          .execute();
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return {
          data: page.map(presentApproval),
          nextCursor:
            rows.length > limit && last
              ? Buffer.from(JSON.stringify({ d: last.created_at.toISOString(), id: last.id })).toString('base64url')
              : null,
        };
      }),
  });

  r.get(`${base}/:id`, {
    onRequest: authHook(db),
    config: { access: 'signedIn' },
    schema: { tags, summary: 'One request', params: idParams, response: { 200: one, ...errorResponses } },
    handler: async (request) => ({
      data: presentApproval(
        await inTenant(db, request, ({ trx, access }) => loadVisibleApproval(trx, access, request.params.id)),
      ),
    }),
  });

  r.post(`${base}/:id/approve`, {
    onRequest: authHook(db),
    config: { access: { anyOf: ['approveContractDeletion', 'approveExports'] }, riskyOperation: 'approval.approve' },
    schema: {
      tags,
      summary: 'Approve a pending request (runs it at once)',
      description:
        'Only holders of the matching permission, never the requester. The answer shows status executed, or failed with result.error.',
      params: idParams,
      body: z.object({ reason: z.string().trim().max(1000).optional() }).optional(),
      response: { 200: one, ...errorResponses },
    },
    handler: async (request) => ({
      data: presentApproval(
        await inTenant(db, request, (ctx) =>
          decideApproval(ctx, services.storage, request.params.id, 'approve', request.body?.reason || null),
        ),
      ),
    }),
  });

  r.post(`${base}/:id/reject`, {
    onRequest: authHook(db),
    config: { access: { anyOf: ['approveContractDeletion', 'approveExports'] }, riskyOperation: 'approval.reject' },
    schema: {
      tags,
      summary: 'Reject a pending request, with a reason',
      params: idParams,
      body: z.object({ reason: z.string().trim().min(1, 'is required: tell the requester why').max(1000) }),
      response: { 200: one, ...errorResponses },
    },
    handler: async (request) => ({
      data: presentApproval(
        await inTenant(db, request, (ctx) =>
          decideApproval(ctx, services.storage, request.params.id, 'reject', request.body.reason),
        ),
      ),
    }),
  });

  r.post(`${base}/:id/cancel`, {
    onRequest: authHook(db),
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Withdraw your own pending request',
      params: idParams,
      response: { 200: one, ...errorResponses },
    },
    handler: async (request) => ({
      data: presentApproval(await inTenant(db, request, (ctx) => cancelApproval(ctx, request.params.id))),
    }),
  });
}
