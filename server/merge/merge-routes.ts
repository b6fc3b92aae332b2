import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getResource } from '../resources/registry.ts';
import { outputSchema } from '../resources/resource-routes.ts';
import type { AppServices } from '../services.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { mergeCustomers, mergeSchema } from './customer-merge.ts';
import { STEP_UP_HOW } from '../step-up/step-up-token.ts';

const stepUpNote = `Needs a step-up token (x-step-up-token; ${STEP_UP_HOW}).`;

export function registerMergeRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
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
