import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/web-session.ts';
import { loadLiteCard } from './lite-card.ts';
import { pageWithCard } from './render-card.ts';

const CUSTOMER_PAGE = /^\/customers\/([^/?#]+)\/?$/;

/** Marks a page that carries a user's card; the service worker caches it per user only. */
export const FIRST_PAINT_HEADER = 'x-cairn-first-paint';

/**
 * The web app's page for a client-side route. A plain navigation to `/customers/{id}` with a
 * valid session gets the page with the phone's lite card already in it (one round trip to
 * content); anything else — signed out, expired, not allowed, another path — the plain page.
 */
export function webAppPage(db: Kysely<DB>, webRoot: string) {
  const indexHtml = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const plain = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
  return async (reply: FastifyReply, request: FastifyRequest) => {
    const match = CUSTOMER_PAGE.exec(request.url.split('?')[0]!);
    const token = request.cookies?.[SESSION_COOKIE];
    if (!match || !token) return plain(reply);
    let id: string;
    try {
      id = decodeURIComponent(match[1]!);
    } catch {
      return plain(reply);
    }
    const card = await loadLiteCard(db, token, id);
    const html = card && pageWithCard(indexHtml, card);
    if (!html) return plain(reply);
    // the page is this session's: never in a shared cache; the worker keys it by the CSRF cookie's hash
    const csrf = request.cookies?.[CSRF_COOKIE] ?? '';
    return reply
      .header('cache-control', 'private, no-cache')
      .header('vary', 'Cookie')
      .header(FIRST_PAINT_HEADER, createHash('sha256').update(csrf).digest('hex').slice(0, 16))
      .type('text/html; charset=utf-8')
      .send(html);
  };
}
