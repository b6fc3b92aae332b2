import type { NewEntry } from './outbox.ts';

/** A smart-button tap as `POST /sync/batch` replays it (the tap route's command on the server). */
export interface TapInput {
  customerId: string;
  buttonId: string;
  /** The rep's edited text (the second tap); without it the button's template. */
  text?: string;
  nextStep?: string;
}

/** A smart-button tap as an outbox entry, under the key its first attempt was sent with. */
export const tapEntry = (data: TapInput, idempotencyKey: string, label: string): NewEntry => ({
  id: idempotencyKey,
  op: 'create',
  recordType: 'smartButtonTap',
  data: { ...data },
  label,
});
