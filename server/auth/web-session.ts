import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * The web app's session lives in cookies, out of reach of scripts:
 *  - `cairn_session`: the session token, HttpOnly, SameSite=Lax, Secure over TLS;
 *  - `cairn_csrf`: readable by the page, an HMAC of the session token; the page echoes it in
 *    `X-CSRF-Token` on every unsafe method (signed double submit), which another site cannot;
 *  - `cairn_device`: the device id the sign-in limits know the browser by (login-limits.ts).
 * API clients keep `Authorization: Bearer` (session tokens and API keys): no CSRF check there.
 */
export const SESSION_COOKIE = 'cairn_session';
export const CSRF_COOKIE = 'cairn_csrf';
export const DEVICE_COOKIE = 'cairn_device';
export const CSRF_HEADER = 'x-csrf-token';
export const DEVICE_HEADER = 'x-cairn-device';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const DEVICE_COOKIE_DAYS = 365;

export const csrfTokenFor = (sessionToken: string) =>
  createHmac('sha256', sessionToken).update('cairn-csrf').digest('base64url');

const secure = (request: FastifyRequest) => request.protocol === 'https';

export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, token: string, ttlHours: number) {
  const common = { path: '/', sameSite: 'lax' as const, secure: secure(request), maxAge: ttlHours * 3600 };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(token), { ...common, httpOnly: false });
}

export function setDeviceCookie(request: FastifyRequest, reply: FastifyReply, deviceId: string) {
  reply.setCookie(DEVICE_COOKIE, deviceId, {
    path: '/api/v1/auth',
    sameSite: 'lax',
    secure: secure(request),
    httpOnly: true,
    maxAge: DEVICE_COOKIE_DAYS * 86400,
  });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** The device id the client names: the API header first, then the browser's cookie. */
export function deviceIdOf(request: FastifyRequest): string | undefined {
  const header = request.headers[DEVICE_HEADER];
  return typeof header === 'string' ? header : request.cookies?.[DEVICE_COOKIE];
}

function sameText(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The session token of a cookie-authenticated request; on an unsafe method, only when the
 * `X-CSRF-Token` header carries the HMAC of that token (and matches the `cairn_csrf` cookie).
 */
export function cookieSessionToken(request: FastifyRequest): string | undefined {
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token) return undefined;
  if (SAFE_METHODS.has(request.method)) return token;
  const header = request.headers[CSRF_HEADER];
  const cookie = request.cookies?.[CSRF_COOKIE] ?? '';
  const expected = csrfTokenFor(token);
  if (typeof header !== 'string' || !sameText(header, expected) || !sameText(cookie, expected))
    throw new AppError('CSRF_FAILED', `send the ${CSRF_COOKIE} cookie's value in the X-CSRF-Token header`);
  return token;
}
