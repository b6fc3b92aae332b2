import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CLIENT_VERSION_HEADER } from '../../common/client-version.ts';
import type { DB } from '../db/schema.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { applySyncBatch } from './sync-batch-command.ts';
import { MAX_BATCH_OPERATIONS, syncBatchBody, syncResultSchema } from './sync-batch-schema.ts';

export function registerSyncBatchRoutes(app: FastifyInstance, db: Kysely<DB>) {
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/sync/batch', {
    config: { access: 'signedIn' },
    onRequest: authHook(db),
    schema: {
      tags: ['Offline sync'],
      summary: "Replay the phone's offline outbox: each operation applied at most once, answered one by one",
      description: `At most ${MAX_BATCH_OPERATIONS} operations, applied in order. Each answers applied, duplicate (its idempotency key was applied before), conflict (baseVersion is not the current version; \`current\` holds the server's values) or rejected (\`error\` says why). Each operation is authorized as the record's own route would authorize it.`,
      body: syncBatchBody,
      response: { 200: z.object({ data: z.array(syncResultSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const clientVersion = request.headers[CLIENT_VERSION_HEADER];
      return {
        data: await inTenant(db, request, (ctx) =>
          applySyncBatch(ctx, request.body.operations, typeof clientVersion === 'string' ? clientVersion : undefined),
        ),
      };
    },
  });
}
