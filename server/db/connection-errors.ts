/** Why the database could not serve a statement, when the fault is the database's and not the input's. */
export type UnavailableReason = 'connection' | 'timeout' | 'overloaded';

const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const driverMessages = [
  /^Connection terminated/, // pg: the server or the network closed the connection
  /^timeout exceeded when trying to connect/, // pg-pool: connect timeout
  /is not queryable/, // pg: a client whose connection already failed
  /^Client was closed/,
];

/**
 * Classifies errors that mean "the database is down, unreachable or too slow right now":
 * the request may succeed when retried, so the answer is 503, not 500.
 */
export function databaseUnavailableReason(error: unknown): UnavailableReason | undefined {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code === 'CAIRN_DB_NO_ANSWER' || code === '57014') return 'timeout'; // no answer; statement_timeout
  if (socketCodes.has(code)) return 'connection';
  // 08: connection exception; 57P01-03: shutdown or starting up; 25P03: idle-in-transaction timeout
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', '25P03'].includes(code)) return 'connection';
  if (code === '53300' || code === '53400') return 'overloaded'; // too many connections; configuration limit
  const message = typeof e?.message === 'string' ? e.message : '';
  if (!code && driverMessages.some((pattern) => pattern.test(message))) return 'connection';
  return undefined;
}
