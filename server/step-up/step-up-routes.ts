import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppServices } from '../services.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { settle } from '../db/outcome.ts';
import type { SmsSender } from './sms-sender.ts';
import {
  CODE_MINUTES,
  SEND_LIMIT,
  SEND_WINDOW_MINUTES,
  MAX_ATTEMPTS,
  sendStepUpCode,
  verifyStepUpCode,
} from './step-up-challenge.ts';
import { STEP_UP_TOKEN_MINUTES } from './step-up-token.ts';

export function registerStepUpRoutes(app: FastifyInstance, services: AppServices, sms: SmsSender) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const tags = ['Auth'];

  r.post('/api/v1/auth/step-up', {
    onRequest: authHook(db),
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Start a step-up confirmation: send a one-time code to your phone',
      description: `Needed before deleting attachments, merging customers and batch deletes. The employee number must be yours. The code is valid for ${CODE_MINUTES} minutes; at most ${SEND_LIMIT} codes per ${SEND_WINDOW_MINUTES} minutes.`,
      body: z.object({ employeeNo: z.string().trim().min(1, 'is required').max(40) }),
      response: {
        200: z.object({
          data: z.object({
            sentTo: z.string().describe('The masked phone number, e.g. 138****1234'),
            expiresAt: z.string(),
            provider: z.string(),
          }),
        }),
        429: errorResponses[400].describe('Too many codes requested'),
        ...errorResponses,
      },
    },
    handler: async (request) => ({
      data: settle(await inTenant(db, request, (ctx) => sendStepUpCode(ctx, sms, request.body.employeeNo))),
    }),
  });

  r.post('/api/v1/auth/step-up/verify', {
    onRequest: authHook(db),
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Confirm the code and get a step-up token',
      description: `Send the code from the SMS (${MAX_ATTEMPTS} attempts per code), or from your authenticator app when TOTP is set up. The token is valid for ${STEP_UP_TOKEN_MINUTES} minutes; send it as the x-step-up-token header.`,
      body: z.object({
        code: z
          .string()
          .trim()
          .regex(/^\d{6}$/, 'must be the 6-digit code'),
      }),
      response: {
        200: z.object({
          data: z.object({ stepUpToken: z.string(), expiresAt: z.string(), method: z.enum(['sms', 'totp']) }),
        }),
        429: errorResponses[400].describe('Too many wrong codes'),
        ...errorResponses,
      },
    },
    handler: async (request) => ({
      data: settle(await inTenant(db, request, (ctx) => verifyStepUpCode(ctx, request.body.code))),
    }),
  });
}
