import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getResource } from '../resources/registry.ts';
import type { AppServices } from '../services.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { batchDelete, batchDeletable, MAX_BATCH } from './batch-delete.ts';
import { STEP_UP_HOW } from '../step-up/step-up-token.ts';

const stepUpNote = `Needs a step-up token (x-step-up-token; ${STEP_UP_HOW}).`;

export function registerBatchDeleteRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;

  for (const path of batchDeletable) {
    const spec = getResource(path);
    r.post(`/api/v1/${path}/batch-delete`, {
      onRequest: authHook(db),
      config: {
        access: { object: spec.access.object, action: 'delete' },
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
}
