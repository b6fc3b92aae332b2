import path from 'node:path';
import { isClientVersion } from '../common/client-version.ts';
import { asrEnv, type AsrConfig } from './transcripts/asr-config.ts';
import { wecomEnv, type WecomConfig } from './wecom/wecom-config.ts';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** A streaming replica for list and export reads (DATABASE_REPLICA_URL, PostgreSQL only). */
  databaseReplicaUrl?: string;
  dataDir: string;
  /** Role the app switches to on PostgreSQL so RLS applies; empty disables the switch. */
  appDbRole: string;
  database: DatabaseTimeouts;
  uploadLimitBytes: number;
  bodyLimitBytes: number;
  sessionTtlHours: number;
  logLevel: string;
  jobs: boolean;
  /** Proxy addresses/CIDRs whose X-Forwarded-For is believed (CAIRN_TRUST_PROXY); empty trusts none. */
  trustProxy: string[];
  /**
   * The business-licence OCR provider (CAIRN_OCR_URL, CAIRN_OCR_TOKEN, CAIRN_OCR_FORMAT `cairn` or
   * `baidu`); unset, the OCR route answers 503 OCR_NOT_CONFIGURED.
   */
  ocr?: { url: string; token?: string; format: 'cairn' | 'baidu' };
  /** Speech recognition for meeting audio (CAIRN_ASR_URL, CAIRN_ASR_TOKEN); unset, audio answers 503. */
  asr?: AsrConfig;
  /** The WeCom app messages go through (CAIRN_WECOM_*); unset, notifications stay in the app. */
  wecom?: WecomConfig;
  /** The oldest app version any company's API serves (CAIRN_MIN_CLIENT_VERSION, semver; default 0.0.0). */
  minClientVersion: string;
  /** CSP frame-ancestors sources (CAIRN_FRAME_ANCESTORS); default 'none'. */
  frameAncestors: string[];
  /** /metrics: a bearer token on the main port, or a separate listener; neither = 404. */
  metrics: { token: string | undefined; port: number | undefined; host: string };
  /** Overrides the recycle-bin purge's daily cron (CAIRN_RECYCLE_BIN_PURGE_CRON; tests run it each minute). */
  recycleBinPurgeCron?: string;
  /**
   * Statements with parameters are prepared once per PostgreSQL connection
   * (CAIRN_PREPARED_STATEMENTS=off behind a pooler in transaction mode that cannot keep them).
   */
  preparedStatements: boolean;
}

/** Limits on PostgreSQL connections (0 disables one); the embedded database has no network to wait on. */
export interface DatabaseTimeouts {
  /** Opening a connection, including waiting for a free one in the pool. */
  connectTimeoutMs: number;
  /** One statement of a request or job; the client also gives up on a server that does not answer. */
  statementTimeoutMs: number;
  /** A transaction left open without a statement is ended by the server. */
  idleInTransactionTimeoutMs: number;
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value > max)
    throw new Error(`${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  return value;
}

function semverEnv(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!isClientVersion(raw)) throw new Error(`${name} must be a version like 2.3.0, got "${raw}"`);
  return raw;
}

function ocrEnv(env: NodeJS.ProcessEnv): Config['ocr'] {
  const url = env.CAIRN_OCR_URL?.trim();
  if (!url) return undefined;
  if (!/^https?:\/\//.test(url)) throw new Error(`CAIRN_OCR_URL must be an http(s) URL, got "${url}"`);
  const format = env.CAIRN_OCR_FORMAT?.trim() || 'cairn';
  if (format !== 'cairn' && format !== 'baidu')
    throw new Error(`CAIRN_OCR_FORMAT must be cairn or baidu, got "${format}"`);
  return { url, token: env.CAIRN_OCR_TOKEN || undefined, format };
}

function listEnv(raw: string | undefined, separator: RegExp = /\s*,\s*/): string[] {
  return (raw ?? '').trim().split(separator).filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.CAIRN_DATA_DIR || './data');
  return {
    port: intEnv(env, 'PORT', 3000, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    dataDir,
    appDbRole: env.CAIRN_DB_APP_ROLE ?? 'cairn_app',
    database: {
      connectTimeoutMs: intEnv(env, 'CAIRN_DB_CONNECT_TIMEOUT_MS', 5000),
      statementTimeoutMs: intEnv(env, 'CAIRN_DB_STATEMENT_TIMEOUT_MS', 30_000),
      idleInTransactionTimeoutMs: intEnv(env, 'CAIRN_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000),
    },
    uploadLimitBytes: intEnv(env, 'CAIRN_UPLOAD_LIMIT_MB', 25) * 1024 * 1024,
    bodyLimitBytes: 1024 * 1024,
    sessionTtlHours: intEnv(env, 'CAIRN_SESSION_TTL_HOURS', 12),
    logLevel: env.LOG_LEVEL || 'info',
    jobs: env.CAIRN_JOBS !== 'off',
    preparedStatements: env.CAIRN_PREPARED_STATEMENTS !== 'off',
    trustProxy: listEnv(env.CAIRN_TRUST_PROXY),
    ocr: ocrEnv(env),
    asr: asrEnv(env),
    wecom: wecomEnv(env),
    minClientVersion: semverEnv(env, 'CAIRN_MIN_CLIENT_VERSION', '0.0.0'),
    frameAncestors: listEnv(env.CAIRN_FRAME_ANCESTORS, /\s*[,\s]\s*/).length
      ? listEnv(env.CAIRN_FRAME_ANCESTORS, /\s*[,\s]\s*/)
      : ["'none'"],
    metrics: {
      token: env.CAIRN_METRICS_TOKEN || undefined,
      port: env.CAIRN_METRICS_PORT ? intEnv(env, 'CAIRN_METRICS_PORT', 0, 65535) : undefined,
      host: env.CAIRN_METRICS_HOST || '127.0.0.1',
    },
    recycleBinPurgeCron: env.CAIRN_RECYCLE_BIN_PURGE_CRON || undefined,
  };
}
