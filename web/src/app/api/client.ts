/**
 * The one fetch wrapper for `/api/v1`. The session is an HttpOnly cookie the server sets at
 * sign-in, out of reach of scripts; the readable `cairn_csrf` cookie next to it is echoed in
 * `X-CSRF-Token` (the server refuses unsafe methods without it). Turns the server's
 * `{error:{code,message,details}}` shape into an ApiError, and on a 401 for an authenticated
 * request forgets the session and hands over to the unauthorized handler (the router sends the
 * user to /login with a "session expired" notice).
 */
import type { ErrorCode } from '../../../../common/error-codes.ts';
import { APP_VERSION } from '../version.ts';

export const CSRF_COOKIE = 'cairn_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
export const API_BASE = '/api/v1';

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

// Sessions used to be bearer tokens in localStorage; drop any left from before.
try {
  localStorage.removeItem('cairn.token');
} catch {
  /* ignore */
}

/**
 * The session as the page sees it: the CSRF value, present while the server's session cookie
 * is. `get()` is also the value to send in `X-CSRF-Token`.
 */
export const tokenStore = {
  get(): string | null {
    return readCookie(CSRF_COOKIE) || null;
  },
  /** The sign-in response set the cookies; nothing to store. */
  set(_token: string): void {},
  /** Forgets the session on this page (the server clears its cookie at sign-out). */
  clear(): void {
    if (typeof document !== 'undefined') document.cookie = `${CSRF_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
    // the service worker drops its cached customer pages (web/sw-template.js)
    if (typeof navigator !== 'undefined')
      navigator.serviceWorker?.controller?.postMessage({ type: 'cairn:signed-out' });
  },
};

/** Headers that authenticate a request of the page: the CSRF value (the cookie goes by itself). */
export function sessionHeaders(token: string | null): Record<string, string> {
  return token ? { [CSRF_HEADER]: token } : {};
}

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiErrorDetails {
  fields?: FieldIssue[];
  [key: string]: unknown;
}

/** Codes the server sends (common/error-codes.ts), plus NETWORK (no response at all) and UNKNOWN (a response we could not parse). */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'UNKNOWN';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
  }

  get fields(): FieldIssue[] {
    return this.details.fields ?? [];
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

let onUnauthorized: () => void = () => {
  window.location.assign('/login?expired=1');
};

/** A 426 (forced upgrade): modules/offline/boot.ts replaces `run`; a 426 before that is remembered. */
export const upgrade = { needed: false, run: () => void (upgrade.needed = true) };

/** The router installs a handler that navigates without a full reload. */
export function setUnauthorizedHandler(handler: () => void): () => void {
  const previous = onUnauthorized;
  onUnauthorized = handler;
  return () => {
    onUnauthorized = previous;
  };
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[] | Record<string, unknown>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** false for requests that must not carry or react to the session token (login). */
  auth?: boolean;
}

/** Arrays become comma lists (`fields=a,b`), objects become JSON (`filter={...}`); empty values are dropped. */
export function buildQuery(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else if (typeof value === 'object') {
      if (Object.keys(value).length) params.set(key, JSON.stringify(value));
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const statusCodes: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function parseFields(value: unknown): FieldIssue[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((f): f is { path: unknown; message: unknown } => typeof f === 'object' && f !== null)
    .map((f) => ({ path: String(f.path ?? ''), message: String(f.message ?? '') }));
}

export async function toApiError(response: Response): Promise<ApiError> {
  const fallbackCode = statusCodes[response.status] ?? (response.status >= 500 ? 'INTERNAL' : 'UNKNOWN');
  const fallbackMessage = response.statusText || `HTTP ${response.status}`;
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    return new ApiError(response.status, fallbackCode, fallbackMessage);
  }
  const error = (payload as { error?: unknown } | null)?.error;
  if (!error || typeof error !== 'object') return new ApiError(response.status, fallbackCode, fallbackMessage);
  const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
  const rawDetails = details && typeof details === 'object' ? (details as Record<string, unknown>) : {};
  const fields = parseFields(rawDetails.fields);
  return new ApiError(
    response.status,
    // The code list is shared with the server (types only here, so the table stays out of the bundle).
    typeof code === 'string' ? (code as ErrorCode) : fallbackCode,
    typeof message === 'string' && message ? message : fallbackMessage,
    fields ? { ...rawDetails, fields } : rawDetails,
  );
}

declare global {
  interface Window {
    /** Requests web/boot.js started while the entry chunk was still downloading (GET URL → response). */
    __cairnPrefetch?: Record<string, { token: string; at: number; response: Promise<Response> }>;
  }
}

/** A response the boot script already asked for, if it is this exact GET, with this token, and fresh. */
function takePrefetched(method: string, url: string, token: string | null): Promise<Response> | undefined {
  const store = typeof window === 'undefined' ? undefined : window.__cairnPrefetch;
  const entry = store?.[url];
  if (!entry) return undefined;
  delete store[url];
  if (method !== 'GET' || entry.token !== token || Date.now() - entry.at > 15_000) return undefined;
  return entry.response;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal, auth = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json', 'x-cairn-client': APP_VERSION };
  const token = auth ? tokenStore.get() : null;
  Object.assign(headers, sessionHeaders(token));
  // Only send a content type with a body: Fastify rejects an empty JSON body.
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  const url = `${API_BASE}${path}${buildQuery(query)}`;
  let response: Response;
  try {
    response = await (takePrefetched(method, url, token) ??
      fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal }));
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
  }

  if (!response.ok) {
    const error = await toApiError(response);
    // Only the first request to notice an expired token reacts; parallel ones find it already gone.
    handleStatus(response.status, token);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: (path: string) => request<void>(path, { method: 'DELETE' }),
};

/** Set when the server rejected our token, until the next sign-in: /login then says "session expired". */
export const session = { expired: false };

/** The one place a 401 on an authenticated request is turned into "back to login". */
export function handleStatus(status: number, token: string | null) {
  if (status === 426) upgrade.run();
  if (status === 401 && token && tokenStore.get() === token) {
    session.expired = true;
    tokenStore.clear();
    onUnauthorized();
  }
}
