import type { FastifyInstance } from 'fastify';
import { validationError, type FieldIssue } from '../errors.ts';

// a NUL, or a surrogate half without its partner
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Shows NULs and lone surrogates as \uXXXX escapes, so a field path can name them readably. */
const readable = (text: string) =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function problemOf(text: string): string | undefined {
  const match = UNSTORABLE.exec(text);
  if (!match) return undefined;
  return match[0] === '\u0000'
    ? 'must not contain the NUL character (\\u0000)'
    : 'is not valid Unicode text (it holds half of a surrogate pair)';
}

interface Visit {
  value: unknown;
  key: string | undefined;
  parent: Visit | undefined;
}

function pathOf(visit: Visit, basePath: string[], key?: string): string {
  const segments: string[] = key === undefined ? [] : [key];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) segments.unshift(at.key);
  return [...basePath, ...segments].map(readable).join('.') || 'body';
}

/**
 * The first piece of text in `value` (a string, or a key or string anywhere inside objects and
 * arrays) that PostgreSQL cannot store as text — a NUL character, or invalid UTF-16 — as a
 * field issue at its path. Walks iteratively and links each step to its parent, so deeply
 * nested input costs linear time and cannot overflow the stack.
 */
export function findUnstorableText(value: unknown, basePath: string[] = []): FieldIssue | undefined {
  const stack: Visit[] = [{ value, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (typeof current === 'string') {
      const message = problemOf(current);
      if (message) return { path: pathOf(visit, basePath), message };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: String(i), parent: visit });
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      const entries = Object.entries(current as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const keyProblem = problemOf(key);
        if (keyProblem) return { path: pathOf(visit, basePath, key), message: keyProblem };
        stack.push({ value: child, key, parent: visit });
      }
    }
  }
  return undefined;
}

/** Throws 400 naming the field when `value` holds text that cannot be stored (see findUnstorableText). */
export function assertStorableText(value: unknown, basePath: string[] = []): void {
  const issue = findUnstorableText(value, basePath);
  if (issue) throw validationError([issue]);
}

/**
 * Refuses query strings, path parameters and bodies holding text PostgreSQL cannot store, in one
 * place for every route, after authentication and the route's access check and before its schema.
 */
export function installTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    assertStorableText(request.params, ['params']);
    assertStorableText(request.query, ['query']);
    assertStorableText(request.body);
  });
}
