import http from 'node:http';
import https from 'node:https';
import type { PostResult } from '../outbound-http.ts';

/** One GET of a pull page: the status, the parsed JSON body, or why there is none. */
export interface PageResult extends PostResult {
  body?: unknown;
}

/** The largest answer a pull accepts (a page of records, not a dump). */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;

/**
 * GETs a JSON page with a timeout. A connection that fails or a server that does not answer
 * in time is `timedOut` (reason `timeout`); any status comes back as it is, and a 2xx whose body
 * is not JSON carries an error (reason `validation`: the source sent something else).
 * `headers` (the channel's auth headers) are sent as given and appear in no result or error.
 */
export function getJson(url: string, timeoutMs: number, headers: Record<string, string> = {}): Promise<PageResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PageResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: Math.round(performance.now() - started) });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      finish({ status: null, timedOut: false, error: `not a URL: ${url}` });
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    const request = client.get(
      target,
      { agent: false, headers: { ...headers, accept: 'application/json', 'user-agent': 'cairn-pull/1' } },
      (response) => {
        const status = response.statusCode ?? null;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_PAGE_BYTES) {
            finish({ status, timedOut: false, error: `the answer is larger than ${MAX_PAGE_BYTES} bytes` });
            request.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', (e) => finish({ status, timedOut: false, error: e.message }));
        response.on('end', () => {
          if (status === null || status < 200 || status >= 300) {
            finish({ status, timedOut: false, error: `answered HTTP ${status ?? '?'}` });
            return;
          }
          try {
            const text = Buffer.concat(chunks).toString('utf8');
            finish({ status, timedOut: false, error: null, body: JSON.parse(text) as unknown });
          } catch {
            finish({ status, timedOut: false, error: 'the answer is not JSON' });
          }
        });
      },
    );
    const timer = setTimeout(() => {
      finish({ status: null, timedOut: true, error: `no answer within ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    request.on('error', (e: NodeJS.ErrnoException) =>
      finish({ status: null, timedOut: true, error: `connection failed: ${e.code ?? e.message}` }),
    );
  });
}

/** Where the page's URL points, without its query (the cursor may be sensitive; logs and errors omit it). */
export const withoutQuery = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'the configured URL';
  }
};
