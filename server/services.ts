import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Replica } from './db/replica.ts';
import type { FileStorage } from './storage/file-storage.ts';

/** What route modules and jobs are given: configuration, the database and file storage. */
export interface AppServices {
  config: Config;
  database: Database;
  storage: FileStorage;
  version: string;
  /** Reports the job queue's state for /api/health; undefined when jobs are off. */
  queueHealth?: () => Promise<{ ok: boolean; detail?: string }>;
  /** The streaming replica list and export reads may use (DATABASE_REPLICA_URL). */
  replica?: Replica;
}
