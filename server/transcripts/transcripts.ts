import { z } from 'zod';
import { newId } from '../../common/ids.ts';
import { loadAccess } from '../access/access-context.ts';
import { actorFromUser } from '../auth/authenticate.ts';
import type { Database } from '../db/database.ts';
import { withTenant, type Trx } from '../db/tenant-transaction.ts';
import { AppError, fieldError, parseAsBody } from '../errors.ts';
import { silentLogger, type JobLogger } from '../jobs/boss.ts';
import { writeOutboxEvent } from '../jobs/outbox.ts';
import { TRANSCRIPT_PROCESSED_TOPIC } from '../workflows/inbound-topics.ts';
import { writeInboundEvent } from '../workflows/inbound-events.ts';
import { setFollowupSourceRef } from '../domains/followups/followup-source.ts';
import { matchCustomer } from '../calls/call-records.ts';
import type { CommandContext } from '../resources/context.ts';
import { createRecord } from '../resources/record-commands.ts';
import { getResource } from '../resources/registry.ts';
import { loadLive } from '../resources/scope.ts';
import { objectionKindNames } from './objection-names.ts';
import { loadLexicon } from './transcript-lexicon.ts';
import { analyseTranscript, type Utterance } from './transcript-analysis.ts';

/**
 * Meeting transcripts (issue 12): a posted transcript (or one the ASR provider made from audio)
 * is stored with an outbox event in one transaction and answered 202; the transcripts queue
 * analyses it (summary, objections) and records a follow-up (kind and source meeting, status
 * 深度沟通) with `summary` and `objections`, linked to the customer's open opportunity, as the
 * integration key's service user.
 */
export const TRANSCRIPT_TOPIC = 'transcript.received';

export const utteranceSchema = z
  .object({
    speaker: z.string().trim().min(1, 'is required').max(100),
    at: z
      .union([z.string().trim().min(1, 'is required').max(40), z.number().nonnegative().max(1e13)])
      .transform(String)
      .describe('When it was said: an ISO date-time, or an offset into the meeting ("00:12:30" or seconds)'),
    text: z.string().trim().min(1, 'is required').max(2000),
    role: z.enum(['customer', 'rep']).optional().describe('rep: the seller speaking (not scanned for objections)'),
  })
  .strict();

export const transcriptBodySchema = z
  .object({
    customerId: z.uuid().optional(),
    phone: z.string().trim().min(1, 'is required').max(40).optional(),
    utterances: z.array(utteranceSchema).min(1, 'needs at least one utterance').max(2000),
  })
  .strict();

export type TranscriptBody = z.infer<typeof transcriptBodySchema>;

export function transcriptFromBody(body: unknown): TranscriptBody {
  const parsed = parseAsBody(transcriptBodySchema, body);
  if (!parsed.customerId && !parsed.phone) throw fieldError('customerId', 'or phone is required');
  return parsed;
}

/** Stores a transcript and its outbox event; a named customer must exist in the company. */
export async function receiveTranscript(ctx: CommandContext, body: TranscriptBody, source: 'text' | 'audio') {
  const tenant = ctx.actor.tenantId;
  if (body.customerId && !(await loadLive(ctx, getResource('customers'), body.customerId)))
    throw fieldError('customerId', 'is not a customer of this company');
  const id = newId();
  await ctx.trx
    .insertInto('transcripts')
    .values({
      tenant_id: tenant,
      id,
      customer_id: body.customerId ?? null,
      phone: body.phone ?? null,
      utterances: JSON.stringify(body.utterances),
      source,
      status: 'received',
      received_by: ctx.actor.userId,
    })
    .execute();
  await writeOutboxEvent(ctx.trx, tenant, TRANSCRIPT_TOPIC, { transcriptId: id });
  return { id, status: 'received' as const, utterances: body.utterances.length };
}

async function identity(trx: Trx, tenantId: string, userId: string, transcriptId: string): Promise<CommandContext> {
  const user = await trx
    .selectFrom('users')
    .select(['id', 'tenant_id', 'username', 'display_name', 'role', 'is_service', 'department_id', 'is_active'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!user || !user.is_active)
    throw new AppError('MISSING_GRANT', 'the user that posted the transcript is disabled or gone', {
      missing: 'identity',
    });
  const actor = actorFromUser(user);
  return {
    actor,
    access: await loadAccess(trx, actor),
    trx,
    meta: { requestId: `transcript:${transcriptId}`, ip: null, userAgent: 'cairn-transcripts' },
  };
}

/** The customer's open opportunity the follow-up belongs to: the one touched last. */
async function openOpportunity(trx: Trx, tenantId: string, customerId: string) {
  const row = await trx
    .selectFrom('opportunities')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('stage', 'not in', ['won', 'lost'])
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

function occurredAt(utterances: Utterance[]): string | undefined {
  const first = utterances[0]?.at ?? '';
  if (!/^\d{4}-\d{2}-\d{2}T/.test(first)) return undefined;
  const at = Date.parse(first);
  return Number.isNaN(at) || at > Date.now() ? undefined : new Date(at).toISOString();
}

export type ProcessOutcome = 'processed' | 'unmatched' | 'failed' | 'done-before';

async function processIn(trx: Trx, tenantId: string, transcriptId: string): Promise<ProcessOutcome> {
  const t = await trx
    .selectFrom('transcripts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', transcriptId)
    .forUpdate()
    .executeTakeFirst();
  if (!t || t.status !== 'received') return 'done-before';
  const ctx = await identity(trx, tenantId, t.received_by, t.id);
  let customerId = t.customer_id;
  if (!customerId && t.phone) {
    const match = await matchCustomer(ctx, t.phone);
    if (!match.customerId) {
      await trx
        .updateTable('transcripts')
        .set({ status: 'unmatched', match_note: match.note, processed_at: new Date() })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', t.id)
        .execute();
      return 'unmatched';
    }
    customerId = match.customerId;
  }
  const utterances = t.utterances as unknown as Utterance[];
  const analysis = analyseTranscript(utterances, await loadLexicon(trx, tenantId));
  const opportunityId = await openOpportunity(trx, tenantId, customerId!);
  const objectionLines = analysis.objections.map((o) => `· ${objectionKindNames[o.kind]}：${o.speaker}：${o.text}`);
  const content = ['会议纪要', analysis.summary, ...(objectionLines.length ? ['客户异议：', ...objectionLines] : [])]
    .join('\n')
    .slice(0, 10_000);
  const spec = getResource('followups');
  const at = occurredAt(utterances);
  const input = parseAsBody(spec.createSchema, {
    customerId,
    opportunityId,
    kind: 'meeting',
    status: 'deep_talk',
    source: 'meeting',
    content,
    ...(at ? { occurredAt: at } : {}),
  });
  const created = (await createRecord(ctx, spec, input)) as { id: string };
  await setFollowupSourceRef(ctx, created.id, t.id);
  const objections = analysis.objections.map((o) => ({ kind: o.kind, text: o.text, speaker: o.speaker, at: o.at }));
  await trx
    .updateTable('followups')
    .set({ summary: analysis.summary, objections: JSON.stringify(objections) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', created.id)
    .execute();
  await trx
    .updateTable('transcripts')
    .set({
      status: 'processed',
      customer_id: customerId,
      followup_id: created.id,
      opportunity_id: opportunityId,
      processed_at: new Date(),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', t.id)
    .execute();
  await writeInboundEvent(ctx, TRANSCRIPT_PROCESSED_TOPIC, {
    transcriptId: t.id,
    followupId: created.id,
    customerId,
    opportunityId,
    objections: objections.map((o) => o.kind),
  });
  return 'processed';
}

/**
 * The queue handler: processes a received transcript once (a repeat finds it processed). A
 * refusal of the data (the identity lost its grants, the customer was deleted) marks it failed
 * with the reason; anything else throws, and pg-boss retries.
 */
export async function processTranscript(
  database: Database,
  tenantId: string,
  transcriptId: string,
  logger: JobLogger = silentLogger,
): Promise<ProcessOutcome> {
  try {
    return await withTenant(database.db, tenantId, (trx) => processIn(trx, tenantId, transcriptId));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    logger.warn({ transcriptId, code: error.code }, 'transcript could not be recorded as a follow-up');
    await withTenant(database.db, tenantId, (trx) =>
      trx
        .updateTable('transcripts')
        .set({ status: 'failed', error: `${error.code}: ${error.message}`.slice(0, 2000), processed_at: new Date() })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', transcriptId)
        .where('status', '=', 'received')
        .execute(),
    );
    return 'failed';
  }
}
