import { API_BASE, ApiError, sessionHeaders, tokenStore, api, type ApiErrorCode } from '../../../app/api/client.ts';
import type { components } from '../../../app/api/schema.d.ts';

export type SmartButton = components['schemas']['SmartButton'];
export type FollowupSettings = components['schemas']['FollowupSettings'];
export type SmartButtonTap = components['schemas']['SmartButtonTap'];

export const smartButtonsQuery = {
  queryKey: ['smart-buttons'] as const,
  queryFn: ({ signal }: { signal?: AbortSignal }) =>
    api.get<{ data: FollowupSettings }>('/smart-buttons', undefined, signal).then((r) => r.data),
  staleTime: 5 * 60_000,
};

/** One queued or sent tap: the request as the outbox would replay it. */
export interface TapRequest {
  customerId: string;
  buttonKey: string;
  idempotencyKey: string;
  body?: { content?: string; nextStep?: string };
}

/** The answer of `queueOrSend`: sent (with the server's answer) or kept for replay. */
export type TapOutcome = { state: 'sent'; tap: SmartButtonTap } | { state: 'queued'; request: TapRequest };

/** Where a tap that could not reach the server waits. The phone outbox (Dexie) takes this over. */
export interface TapQueue {
  enqueue(request: TapRequest): Promise<void>;
}

/** Until the phone outbox exists: taps kept in this page's memory, retried by `replayPending`. */
const pending: TapRequest[] = [];
let queue: TapQueue = {
  enqueue: async (request) => {
    if (!pending.some((p) => p.idempotencyKey === request.idempotencyKey)) pending.push(request);
  },
};

/** Lets the phone outbox receive taps that could not be sent (its replay keeps the idempotency key). */
export function useTapQueue(next: TapQueue) {
  queue = next;
}

export const newIdempotencyKey = () =>
  `tap-${crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`}`;

/** Posts one tap; the `Idempotency-Key` makes a replay the same follow-up. */
export async function sendTap(request: TapRequest): Promise<SmartButtonTap> {
  const url = `${API_BASE}/customers/${encodeURIComponent(request.customerId)}/smart-buttons/${encodeURIComponent(request.buttonKey)}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Idempotency-Key': request.idempotencyKey,
      ...sessionHeaders(tokenStore.get()),
    },
    body: JSON.stringify(request.body ?? {}),
  });
  const payload = (await response.json().catch(() => undefined)) as
    { data?: SmartButtonTap; error?: { code?: string; message?: string } } | undefined;
  if (!response.ok || !payload?.data)
    throw new ApiError(
      response.status,
      (payload?.error?.code ?? 'UNKNOWN') as ApiErrorCode,
      payload?.error?.message ?? response.statusText,
    );
  return payload.data;
}

const isNetworkFailure = (error: unknown) =>
  error instanceof TypeError || (error instanceof ApiError && error.status === 0);

/**
 * Sends a tap now; when the network fails (offline, no answer) it is kept for replay with its
 * idempotency key instead, so the server still makes one follow-up of it. A refusal (4xx) is
 * thrown: replaying it would not help.
 */
export async function queueOrSend(request: TapRequest): Promise<TapOutcome> {
  try {
    return { state: 'sent', tap: await sendTap(request) };
  } catch (error) {
    if (!isNetworkFailure(error)) throw error;
    await queue.enqueue(request);
    return { state: 'queued', request };
  }
}

/** Retries the taps kept in memory (when the page comes back online); answers how many went through. */
export async function replayPending(): Promise<number> {
  let sent = 0;
  for (const request of [...pending]) {
    try {
      await sendTap(request);
      sent++;
    } catch (error) {
      if (isNetworkFailure(error)) break;
    }
    // sent, or refused (a refusal replayed is refused again)
    pending.splice(pending.indexOf(request), 1);
  }
  return sent;
}

export const pendingTaps = (): readonly TapRequest[] => pending;
