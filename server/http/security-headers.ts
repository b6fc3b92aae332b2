import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { firstPaintShell } from '../first-paint/first-paint-page.ts';

/** The sha256 sources of the inline scripts of a page (the web app's boot script). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(match[1] ?? '')) continue;
    const body = match[2] ?? '';
    if (body.trim()) hashes.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  return hashes;
}

/** Hashes of the built web app's inline scripts, read from dist/web/index.html at start. */
export function webAppScriptHashes(root = path.resolve('dist/web')): string[] {
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) return [];
  const html = fs.readFileSync(index, 'utf8');
  // the page as it is, and as the phone's first paint sends it (server/first-paint)
  return [...new Set([...inlineScriptHashes(html), ...inlineScriptHashes(firstPaintShell(root))])];
}

/**
 * Security headers on every response, HTML and API alike: a Content-Security-Policy whose
 * scripts come only from this origin or are the boot script by hash (no 'unsafe-inline'),
 * `frame-ancestors` from CAIRN_FRAME_ANCESTORS (default 'none'), nosniff and a referrer policy.
 * Styles keep 'unsafe-inline': antd writes its CSS-in-JS into <style> tags.
 *
 * helmet's middleware is built once here and applied to every request's raw response
 * (@fastify/helmet built it anew on every request: 2% of a point read's CPU).
 */
export function installSecurityHeaders(
  app: FastifyInstance,
  options: { frameAncestors: string[]; scriptHashes: string[] },
) {
  const setHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...options.scriptHashes],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: options.frameAncestors,
      },
    },
    // frame-ancestors decides who may frame the app; X-Frame-Options could only say "nobody"
    frameguard: options.frameAncestors.includes("'none'") ? { action: 'deny' } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // plain-HTTP installs on a LAN are supported; HSTS belongs to the TLS-terminating proxy
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (request, reply, done) =>
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
}
