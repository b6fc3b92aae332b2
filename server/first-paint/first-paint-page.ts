import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { LANGUAGE_COOKIE } from '../../common/language-cookie.ts';
import type { DB } from '../db/schema.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/web-session.ts';
import { loadLiteCard } from './lite-card.ts';
import { CARD_LANGUAGES, deferAppStart, inlineStylesheets, pageWithCard, type CardLanguage } from './render-card.ts';

/** As fast as gzip, smaller: the page is made per request. */
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

const CUSTOMER_PAGE = /^\/customers\/([^/?#]+)\/?$/;

/** Marks a page that carries a user's card; the service worker caches it per user only. */
export const FIRST_PAINT_HEADER = 'x-cairn-first-paint';

/** The app's language as its cookie says (web/src/app/i18n), else the default, zh-CN. */
export function cardLanguageOf(request: FastifyRequest): CardLanguage {
  const value = request.cookies?.[LANGUAGE_COOKIE];
  return CARD_LANGUAGES.find((language) => language === value) ?? 'zh-CN';
}

/** A file under the web root named by an absolute `/assets/…` URL path, or undefined. */
function readAsset(webRoot: string, href: string): string | undefined {
  const file = path.join(webRoot, path.normalize(href));
  if (!file.startsWith(path.join(webRoot, 'assets') + path.sep)) return undefined;
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const shells = new Map<string, string>();

/**
 * The page a first paint fills with the card: the built index.html with its stylesheet inlined
 * and the app started after the card's paint. Made once per web root; the Content-Security-Policy
 * admits its inline scripts by hash (server/http/security-headers.ts).
 */
export function firstPaintShell(webRoot: string): string {
  let shell = shells.get(webRoot);
  if (shell === undefined) {
    const html = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
    shell = deferAppStart(inlineStylesheets(html, (href) => readAsset(webRoot, href)));
    shells.set(webRoot, shell);
  }
  return shell;
}

/**
 * The web app's page for a client-side route. A plain navigation to `/customers/{id}` with a
 * valid session gets the page with the phone's lite card already in it, in the user's language,
 * with the stylesheet inlined and the app started after the card's first paint (one round trip to content); anything else — signed out, expired,
 * not allowed, another path — the plain page.
 */
export function webAppPage(db: Kysely<DB>, webRoot: string) {
  const indexHtml = firstPaintShell(webRoot);
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
    const html = card && pageWithCard(indexHtml, card, cardLanguageOf(request));
    if (!html) return plain(reply);
    // the page is this session's: never in a shared cache; the worker keys it by the CSRF cookie's hash
    const csrf = request.cookies?.[CSRF_COOKIE] ?? '';
    reply
      .header('cache-control', 'private, no-cache')
      .header('vary', 'Cookie')
      .header(FIRST_PAINT_HEADER, createHash('sha256').update(csrf).digest('hex').slice(0, 16))
      .type('text/html; charset=utf-8');
    // the app's pages come through the not-found handler, which @fastify/compress's route hooks miss
    const encoding = negotiate(String(request.headers['accept-encoding'] ?? ''), ['br', 'gzip']);
    if (!encoding) return reply.send(html);
    reply.header('content-encoding', encoding).header('vary', 'Cookie, Accept-Encoding');
    return reply.send(encoding === 'br' ? zlib.brotliCompressSync(html, BROTLI) : zlib.gzipSync(html));
  };
}
