import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUploadForm } from '../domains/attachments/upload-form.ts';
import { AppError, fieldError } from '../errors.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { wakeOutboxDispatchers } from '../jobs/outbox.ts';
import type { AppServices } from '../services.ts';
import { asrProvider } from './asr-provider.ts';
import { lexiconBodySchema, lexiconOutput, readLexicon, saveLexicon } from './transcript-lexicon.ts';
import { listTranscripts, transcriptOutput } from './transcript-list.ts';
import { receiveTranscript, transcriptFromBody } from './transcripts.ts';

/** Meeting audio larger than this is refused before it goes to the ASR service. */
export const AUDIO_LIMIT_BYTES = 100 * 1024 * 1024;
const AUDIO_TYPE = /^(audio\/[\w.+-]+|video\/(mp4|webm))$/;

const receivedOutput = z.object({
  data: z.object({
    id: z.string(),
    status: z.literal('received'),
    utterances: z.number().describe('How many utterances were stored'),
  }),
});

const requireKey = (apiKeyId: string | undefined) => {
  if (!apiKeyId)
    throw new AppError('FORBIDDEN', 'transcripts are posted with an integration API key, not a user session');
};

/**
 * Meeting transcripts (JSON, or audio through the ASR provider) posted by integrations with an
 * API key; the company's objection lexicon, read and replaced by those who manage integrations.
 */
export function registerTranscriptRoutes(app: FastifyInstance, services: AppServices) {
  const { db } = services.database;
  const onRequest = authHook(db);
  const asr = asrProvider(services.config.asr);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/events/transcripts', {
    config: { access: { anyOf: ['runBackgroundSync'] } },
    onRequest,
    schema: {
      tags: ['Automation'],
      summary: 'Receive a meeting transcript; a follow-up with its summary and the customer’s objections follows',
      description:
        '`{customerId?, phone?, utterances: [{speaker, at, text, role?}]}`: the customer by id, or by the normalised phone of the customer or a contact. ' +
        'Answers 202; the transcripts queue records a follow-up (kind and source meeting, status deep_talk) with `summary` and `objections: [{kind, text}]` ' +
        '(kinds price, competitor, timing, authority, feature_gap), linked to the customer’s open opportunity. Authenticate with an integration API key whose service user holds runBackgroundSync.',
      body: z.record(z.string(), z.unknown()).describe('One transcript'),
      response: { 202: receivedOutput, ...errorResponses },
    },
    handler: async (request, reply) => {
      requireKey(request.actor?.apiKeyId);
      const body = transcriptFromBody(request.body);
      const data = await inTenant(db, request, (ctx) => receiveTranscript(ctx, body, 'text'));
      wakeOutboxDispatchers();
      return reply.status(202).send({ data });
    },
  });
  r.post('/api/v1/events/transcripts/audio', {
    config: { access: { anyOf: ['runBackgroundSync'] } },
    onRequest,
    schema: {
      tags: ['Automation'],
      summary: 'Receive a meeting recording: the ASR provider transcribes it, then it is handled as a transcript',
      description:
        'multipart/form-data: one file part named "file" (audio, at most 100 MB) and a field `customerId` or `phone`. ' +
        '503 ASR_NOT_CONFIGURED when no speech recognition service is set up (CAIRN_ASR_URL); 502 ASR_PROVIDER_FAILED when it fails.',
      consumes: ['multipart/form-data'],
      body: z
        .object({ file: z.string().meta({ format: 'binary' }), customerId: z.string(), phone: z.string() })
        .partial()
        .nullish(),
      response: { 202: receivedOutput, ...errorResponses },
    },
    handler: async (request, reply) => {
      requireKey(request.actor?.apiKeyId);
      const { file, fields } = await readUploadForm(request, AUDIO_LIMIT_BYTES);
      if (!file || file.data.length === 0) throw fieldError('file', 'is required: the meeting recording');
      const mimeType = file.mime.split(';')[0]!.trim().toLowerCase();
      if (!AUDIO_TYPE.test(mimeType))
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'a meeting recording must be audio (audio/*, video/mp4, video/webm)',
          {
            field: 'file',
            mimeType,
          },
        );
      const target = {
        ...(fields.get('customerId') ? { customerId: fields.get('customerId') } : {}),
        ...(fields.get('phone') ? { phone: fields.get('phone') } : {}),
      };
      // the target is checked before the audio goes anywhere
      transcriptFromBody({ ...target, utterances: [{ speaker: '-', at: '0', text: '-' }] });
      if (!asr)
        throw new AppError(
          'ASR_NOT_CONFIGURED',
          'speech recognition is not set up on this server; post the transcript as text',
          {},
        );
      const utterances = await asr.transcribe({ data: file.data, mimeType, fileName: file.name });
      const body = transcriptFromBody({ ...target, utterances });
      const data = await inTenant(db, request, (ctx) => receiveTranscript(ctx, body, 'audio'));
      wakeOutboxDispatchers();
      return reply.status(202).send({ data });
    },
  });
  r.get('/api/v1/events/transcripts', {
    config: { access: { anyOf: ['manageIntegrations'] } },
    onRequest,
    schema: {
      tags: ['Automation'],
      summary:
        'Received transcripts, newest first: status (received, processed, unmatched, failed) and the follow-up made',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ data: z.array(transcriptOutput) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({ data: await listTranscripts(ctx, request.query.limit) })),
  });
  r.get('/api/v1/transcript-lexicon', {
    config: { access: { anyOf: ['manageIntegrations'] } },
    onRequest,
    schema: {
      tags: ['Automation'],
      summary: 'The company’s objection lexicon (the defaults until it saves its own)',
      response: { 200: z.object({ data: lexiconOutput }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({ data: await readLexicon(ctx.trx, ctx.actor.tenantId) })),
  });
  r.put('/api/v1/transcript-lexicon', {
    config: { access: { anyOf: ['manageIntegrations'] } },
    onRequest,
    schema: {
      tags: ['Automation'],
      summary: 'Replace the company’s objection lexicon; an empty list goes back to the defaults',
      description:
        '`{entries: [{kind, phrase}]}`: kinds price, competitor, timing, authority, feature_gap; a phrase is a zh keyword or phrase without spaces or punctuation.',
      body: lexiconBodySchema,
      response: { 200: z.object({ data: lexiconOutput }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({
        data: await saveLexicon(ctx.trx, ctx.actor.tenantId, ctx.actor.userId, request.body.entries),
      })),
  });
}
