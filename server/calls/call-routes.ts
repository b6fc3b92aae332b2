import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, fieldError } from '../errors.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { wakeOutboxDispatchers } from '../jobs/outbox.ts';
import type { AppServices } from '../services.ts';
import { callFromJson, callFromTwilio, callRecordOutput, listCalls, receiveCall } from './call-records.ts';

function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return out;
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * `POST /api/v1/events/calls`: telephony callbacks authenticate with a company's integration
 * API key (a service user with runBackgroundSync), never a user session.
 */
export function registerCallRoutes(app: FastifyInstance, services: AppServices) {
  const { db } = services.database;
  const onRequest = authHook(db);
  app.register(async (scope) => {
    // the Twilio-style variant is form-encoded (this plugin only)
    scope.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => {
      done(null, parseForm(body as string));
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post('/api/v1/events/calls', {
      config: { access: { anyOf: ['runBackgroundSync'] } },
      onRequest,
      schema: {
        tags: ['Automation'],
        summary: 'Receive a call record (JSON, or a Twilio-style form post); deduplicated by call id',
        description:
          'JSON: `{callId, direction: inbound|outbound, from, to, agentUserId?, startedAt, talkSeconds, recordingUrl?, status?}`. ' +
          'Form (`application/x-www-form-urlencoded`): `CallSid, CallStatus (completed, busy, no-answer, canceled, failed), CallDuration, From, To, Direction?, Timestamp?, RecordingUrl?`. ' +
          'Authenticate with an integration API key whose service user holds runBackgroundSync. The customer is matched by the normalised number (the caller for inbound calls, the callee for outbound ones); the automation rules run on the record afterwards.',
        body: z.record(z.string(), z.unknown()).describe('One call record'),
        response: {
          202: z.object({
            data: z.object({
              id: z.string(),
              callId: z.string(),
              duplicate: z.boolean().describe('The call id was received before; nothing was stored'),
              customerId: z.string().nullable(),
              matchNote: z.string().nullable().describe('Why no customer was matched'),
            }),
          }),
          ...errorResponses,
        },
      },
      handler: async (request, reply) => {
        if (!request.actor?.apiKeyId)
          throw new AppError('FORBIDDEN', 'call records are posted with an integration API key, not a user session');
        const form = (request.headers['content-type'] ?? '').toLowerCase().startsWith(FORM);
        if (!request.body || typeof request.body !== 'object') throw fieldError('body', 'is required');
        const call = form ? callFromTwilio(request.body) : callFromJson(request.body);
        const data = await inTenant(db, request, (ctx) => receiveCall(ctx, call, request.body));
        if (!data.duplicate) wakeOutboxDispatchers();
        return reply.status(202).send({ data });
      },
    });
    r.get('/api/v1/events/calls', {
      config: { access: { anyOf: ['manageIntegrations'] } },
      onRequest,
      schema: {
        tags: ['Automation'],
        summary: 'Received call records, newest first (numbers masked); matched=false lists the unmatched ones',
        querystring: z.object({
          matched: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ data: z.array(callRecordOutput) }), ...errorResponses },
      },
      handler: (request) =>
        inTenant(db, request, async (ctx) => ({
          data: await listCalls(ctx, {
            matched: request.query.matched === undefined ? undefined : request.query.matched === 'true',
            limit: request.query.limit,
          }),
        })),
    });
  });
}
