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

/**
 * The phone's outbox, through the module that loads it (with its bar) right after the first screen:
 * by the time a rep taps it is there, and the tap adds no chunk of its own to the page's imports.
 */
const loadOutbox = () => import('../../offline/later.tsx');

/** One tap as it is sent (and, offline, queued with the same key). */
export interface TapRequest {
  customerId: string;
  buttonKey: string;
  idempotencyKey: string;
  body?: { content?: string; nextStep?: string };
}

/** The answer of `queueOrSend`: sent (with the server's answer) or kept in the outbox for replay. */
export type TapOutcome = { state: 'sent'; tap: SmartButtonTap } | { state: 'queued'; request: TapRequest };

/** A UUIDv7: the direct route and the outbox's replay (`POST /sync/batch`) both take it. */
export const newIdempotencyKey = async () => (await loadOutbox()).newOperationKey();
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
 * Sends a tap now; offline, or when the request gets no answer, it goes to the phone's outbox
 * (Dexie, or its Safari-safe fallback) under the same idempotency key, which replays it through
 * `POST /sync/batch`: the server still makes one follow-up of it. A refusal (4xx) is thrown:
 * replaying it would not help.
 */
export async function queueOrSend(request: TapRequest, label: string): Promise<TapOutcome> {
  const outbox = await loadOutbox();
  if (!outbox.shouldQueue()) {
    try {
      return { state: 'sent', tap: await sendTap(request) };
    } catch (error) {
      if (!isNetworkFailure(error) && !outbox.shouldQueue(error)) throw error;
    }
  }
  const { customerId, buttonKey, idempotencyKey, body } = request;
  await outbox.queueTap(
    {
      customerId,
      buttonId: buttonKey,
      ...(body?.content ? { text: body.content } : {}),
      ...(body?.nextStep ? { nextStep: body.nextStep } : {}),
    },
    idempotencyKey,
    label,
  );
  return { state: 'queued', request };
}
