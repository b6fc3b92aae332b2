import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface CapturedStatement {
  text: string;
  values: unknown[];
  /** Ran in a transaction that set `app.system` (a cross-company sweep, the sign-in lookup). */
  system: boolean;
}

type Query = (this: object, ...args: unknown[]) => unknown;

/**
 * Records every statement sent to the database (node-postgres clients and PGlite) until `stop`,
 * with its parameters, and whether it ran as the system (`asSystem`) rather than as a company.
 */
export function captureStatements() {
  const captured: CapturedStatement[] = [];
  const systemConnections = new WeakSet<object>();
  const record = (connection: object, text: string, values: unknown[]) => {
    if (/set_config\('app\.system', 'on'|set_config\('app\.system', \$1/.test(text)) systemConnections.add(connection);
    if (/^\s*(commit|rollback)\b/i.test(text)) systemConnections.delete(connection);
    captured.push({ text, values, system: systemConnections.has(connection) });
  };
  const patch = (target: { query: Query }) => {
    const original = target.query;
    target.query = function (this: object, ...args: unknown[]) {
      const first = args[0] as string | { text?: string; values?: unknown[] };
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      const values = (typeof first === 'string' ? args[1] : first?.values) as unknown[] | undefined;
      record(this, text, values ?? []);
      return original.apply(this, args);
    };
    return () => (target.query = original);
  };
  const restores = [
    patch(pg.Client.prototype as unknown as { query: Query }),
    patch(PGlite.prototype as unknown as { query: Query }),
  ];
  return {
    captured,
    stop: () => restores.forEach((restore) => restore()),
  };
}
