import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Role the app switches to on PostgreSQL so RLS applies; empty disables the switch. */
  appDbRole: string;
  uploadLimitBytes: number;
  bodyLimitBytes: number;
  sessionTtlHours: number;
  logLevel: string;
  jobs: boolean;
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.CAIRN_DATA_DIR || './data');
  return {
    port: intEnv(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    appDbRole: env.CAIRN_DB_APP_ROLE ?? 'cairn_app',
    uploadLimitBytes: intEnv(env, 'CAIRN_UPLOAD_LIMIT_MB', 25) * 1024 * 1024,
    bodyLimitBytes: 1024 * 1024,
    sessionTtlHours: intEnv(env, 'CAIRN_SESSION_TTL_HOURS', 12),
    logLevel: env.LOG_LEVEL || 'info',
    jobs: env.CAIRN_JOBS !== 'off',
  };
}
