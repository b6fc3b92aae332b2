import http from 'node:http';
import https from 'node:https';
import { signBody } from './channel-secrets.ts';

/**
 * One signed POST to an outbound channel's URL. The body is signed like an inbound webhook
 * (`x-cairn-signature: t=<unix>,v1=<hex hmac-sha256 of "t.body">`, channel-secrets.ts), so the
 * receiver checks it with the same code and the same replay window; `x-cairn-timestamp` repeats
 * t and `x-cairn-event-id` is the key a receiver deduplicates on.
 */
export interface PostResult {
  status: number | null;
  durationMs: number;
  /** No answer in time (or no connection at all): the request may or may not have arrived. */
  timedOut: boolean;
  error: string | null;
}

export interface SignedRequest {
  url: string;
  body: string;
  secret: string;
  eventId: string;
  attempt: number;
  timeoutMs: number;
  unixSeconds?: number;
  /** Extra headers (a rule's webhook action); Cairn's own headers win. */
  headers?: Record<string, string>;
}

export function postSigned(req: SignedRequest): Promise<PostResult> {
  const started = performance.now();
  const t = req.unixSeconds ?? Math.floor(Date.now() / 1000);
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      finish({ status: null, timedOut: false, error: `not a URL: ${req.url}` });
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          ...req.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(req.body),
          'user-agent': 'cairn-outbound/1',
          'x-cairn-signature': signBody(req.secret, req.body, t),
          'x-cairn-timestamp': String(t),
          'x-cairn-event-id': req.eventId,
          'x-cairn-delivery-attempt': String(req.attempt),
        },
      },
      (response) => {
        response.resume(); // the answer's body is not kept; only its status
        response.on('end', () => finish({ status: response.statusCode ?? null, timedOut: false, error: null }));
        response.on('error', (e) => finish({ status: response.statusCode ?? null, timedOut: false, error: e.message }));
      },
    );
    const timer = setTimeout(() => {
      finish({ status: null, timedOut: true, error: `no answer within ${req.timeoutMs} ms` });
      request.destroy();
    }, req.timeoutMs);
    request.on('error', (e: NodeJS.ErrnoException) =>
      finish({ status: null, timedOut: true, error: `connection failed: ${e.code ?? e.message}` }),
    );
    request.end(req.body);
  });
}

export type Verdict =
  | { delivered: true }
  | { delivered: false; reason: 'remote_4xx' | 'remote_5xx' | 'timeout' | 'validation'; retryable: boolean };

/** 2xx delivers; 5xx, 408, 429, timeouts and refused connections are retried; other answers are final. */
export function verdictOf(result: PostResult): Verdict {
  const s = result.status;
  if (s !== null && s >= 200 && s < 300 && !result.error) return { delivered: true };
  if (s === null) return { delivered: false, reason: 'timeout', retryable: true };
  if (s >= 500) return { delivered: false, reason: 'remote_5xx', retryable: true };
  return { delivered: false, reason: 'remote_4xx', retryable: s === 408 || s === 429 };
}
