import { z } from 'zod';
import { parseAsBody } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { buttonKeySchema, tapSmartButton, tapTextSchemas, type TapResult } from '../smart-buttons/smart-button-tap.ts';

/** The outbox's record type for a smart-button tap queued offline (issue 12: buttons work offline). */
export const SMART_BUTTON_TAP = 'smartButtonTap';

const tapData = z
  .object({
    customerId: z.uuid({ error: 'must be an id (UUID)' }),
    buttonId: buttonKeySchema,
    text: tapTextSchemas.content,
    nextStep: tapTextSchemas.nextStep,
  })
  .strict();

/**
 * A replayed tap: the very command of `POST /customers/{id}/smart-buttons/{buttonId}`, with the
 * operation's idempotency key as its `Idempotency-Key` (a tap the route already saved with that key
 * answers `duplicate: true`).
 */
export function replayTap(ctx: CommandContext, idempotencyKey: string, data: unknown): Promise<TapResult> {
  const input = parseAsBody(tapData, data, ['data']);
  return tapSmartButton(ctx, {
    customerId: input.customerId,
    buttonKey: input.buttonId,
    idempotencyKey,
    ...(input.text !== undefined ? { content: input.text } : {}),
    ...(input.nextStep !== undefined ? { nextStep: input.nextStep } : {}),
  });
}
