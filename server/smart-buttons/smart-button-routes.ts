import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { diff, writeAudit } from '../audit/audit.ts';
import { versionConflict } from '../errors.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { AppServices } from '../services.ts';
import {
  followupSettingsInput,
  followupSettingsOutput,
  loadFollowupSettings,
  saveFollowupSettings,
  type LoadedSettings,
} from './followup-settings.ts';
import { buttonKeySchema, TAP_ACCESS, tapSmartButton, tapTextSchemas } from './smart-button-tap.ts';

const present = (s: LoadedSettings) => ({
  buttons: s.buttons,
  holidays: s.holidays,
  extraWorkdays: s.extraWorkdays,
  escalationGraceHours: s.escalationGraceHours,
  timeZone: s.timeZone,
  version: s.version,
});

const tapOutput = z
  .object({
    followupId: z.string(),
    customerId: z.string(),
    buttonKey: z.string(),
    status: z.string(),
    nextStepAt: z.string().nullable(),
    duplicate: z
      .boolean()
      .describe('true when this Idempotency-Key already saved the follow-up: nothing new was written'),
  })
  .meta({ id: 'SmartButtonTap' });

/**
 * Smart buttons: the company's buttons (label, template, status, next-step offset) with its
 * working calendar and escalation grace period, and the one-tap follow-up on a customer.
 */
export function registerSmartButtonRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const onRequest = authHook(db);
  const tags = ['Follow-ups'];

  r.get('/api/v1/smart-buttons', {
    config: { access: 'signedIn' },
    onRequest,
    schema: {
      tags,
      summary: "The company's smart buttons, working calendar and next-step escalation grace period",
      response: { 200: z.object({ data: followupSettingsOutput }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({
        data: present(await loadFollowupSettings(ctx.trx, ctx.actor.tenantId)),
      })),
  });

  r.put('/api/v1/smart-buttons', {
    config: { access: { object: 'settings', action: 'update' } },
    onRequest,
    schema: {
      tags,
      summary: 'Replace the smart buttons, working calendar and escalation grace period (administrators; audited)',
      body: followupSettingsInput,
      response: { 200: z.object({ data: followupSettingsOutput }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const before = await loadFollowupSettings(ctx.trx, ctx.actor.tenantId);
        const expected = request.body.version;
        const conflict = () => versionConflict('smart_buttons', ctx.actor.tenantId, before.version);
        // a first save over version 0 inserts; a save over any other version must find its row
        if (expected !== undefined && expected !== before.version) throw conflict();
        if (!(await saveFollowupSettings(ctx.trx, ctx.actor.tenantId, ctx.actor.userId, request.body)))
          throw conflict();
        const after = await loadFollowupSettings(ctx.trx, ctx.actor.tenantId);
        const { version: _b, timeZone: _bz, ...was } = present(before);
        const { version: _a, timeZone: _az, ...now } = present(after);
        await writeAudit(ctx, [
          { action: 'update', recordType: 'smart_buttons', recordId: ctx.actor.tenantId, changes: diff(was, now) },
        ]);
        return { data: present(after) };
      }),
  });

  r.post('/api/v1/customers/:id/smart-buttons/:buttonId', {
    config: { access: TAP_ACCESS },
    onRequest,
    schema: {
      tags,
      summary: 'One tap: a follow-up from the button (or the edited text) with its next step on the working calendar',
      description:
        'Authorized as creating a follow-up on the customer. The `Idempotency-Key` header is required: the same key again answers the first follow-up with `duplicate: true` (200) and writes nothing; a key used for another customer or button answers 409.',
      params: z.object({
        id: z.uuid({ error: 'must be an id (UUID)' }),
        buttonId: buttonKeySchema,
      }),
      headers: z.object({
        'idempotency-key': z
          .string({ error: 'is required' })
          .regex(/^[A-Za-z0-9._:-]{8,100}$/, 'must be 8 to 100 letters, digits, dots, dashes, underscores or colons'),
      }),
      body: z.object(tapTextSchemas).strict().nullish(),
      response: {
        200: z.object({ data: tapOutput }),
        201: z.object({ data: tapOutput }),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const data = await inTenant(db, request, (ctx) =>
        tapSmartButton(ctx, {
          customerId: request.params.id,
          buttonKey: request.params.buttonId,
          idempotencyKey: request.headers['idempotency-key'],
          content: request.body?.content,
          nextStep: request.body?.nextStep,
        }),
      );
      return reply.code(data.duplicate ? 200 : 201).send({ data });
    },
  });
}
