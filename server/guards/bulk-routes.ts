import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { objectOfResource } from '../access/model.ts';
import { getResource } from '../core/registry.ts';
import { outputSchema } from '../core/resource-routes.ts';
import type { AppServices } from '../http/app.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { batchDelete, batchDeletable, MAX_BATCH } from './batch-delete.ts';
import { mergeCustomers, mergeSchema } from './customer-merge.ts';
import { STEP_UP_HOW } from './step-up-token.ts';

const stepUpNote = `Needs a step-up token (x-step-up-token; ${STEP_UP_HOW}).`;

export function registerBulkRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;

  for (const path of batchDeletable) {
    const spec = getResource(path);
    r.post(`/api/v1/${path}/batch-delete`, {
      onRequest: authHook(db),
      config: {
        access: { object: objectOfResource[path]!, action: 'delete' },
        riskyOperation: `${spec.recordType}.batch-delete`,
      },
      schema: {
        tags: [spec.tag],
        summary: `Move several ${spec.path} to the recycle bin (all or nothing)`,
        description: `${stepUpNote} Every record is checked like a single delete; the first one that fails aborts the whole batch and the error names its id.${path === 'customers' ? ' Customers that still have contracts are refused: contract deletion needs approval.' : ''}`,
        body: z.object({ ids: z.array(z.uuid()).min(1).max(MAX_BATCH) }),
        response: {
          200: z.object({
            data: z.object({
              count: z.number(),
              deleted: z.array(z.object({ id: z.string(), batchId: z.string(), deletedAt: z.string() })),
              cascaded: z.record(z.string(), z.number()),
            }),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => ({
        data: await inTenant(db, request, (ctx) => batchDelete(ctx, spec, request.body.ids)),
      }),
    });
  }

  const customers = getResource('customers');
  r.post('/api/v1/customers/merge', {
    onRequest: authHook(db),
    config: { access: { object: 'customer', action: 'delete' }, riskyOperation: 'customer.merge' },
    schema: {
      tags: [customers.tag],
      summary: 'Merge duplicate customers into one',
      description: `${stepUpNote} Non-null wins: the target keeps its values and fills its empty fields from the sources in order (tags are combined, custom values merged the same way). The sources' contacts, opportunities, follow-ups, contracts, orders and attachments move to the target; the sources go to the recycle bin.`,
      body: mergeSchema,
      response: {
        200: z.object({
          data: z.object({
            target: outputSchema(customers),
            mergedIds: z.array(z.string()),
            moved: z.record(z.string(), z.number()),
            deleted: z.array(z.object({ id: z.string(), batchId: z.string() })),
          }),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => ({
      data: await inTenant(db, request, (ctx) => mergeCustomers(ctx, request.body.targetId, request.body.sourceIds)),
    }),
  });
}
