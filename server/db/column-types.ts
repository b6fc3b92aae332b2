// Hand-written column types the generated server/db/schema.ts refers to (kysely-codegen cannot
// know what a jsonb column holds). server/db/scripts/db-types.ts maps columns onto them.
import type { JSONColumnType } from 'kysely';

/** A jsonb column holding `T`: read as `T`, written as its JSON text. */
export type JsonColumn<T extends object> = JSONColumnType<T, string, string>;

export interface TenantSettings {
  recycleRetentionDays?: number;
  liteFields?: string[];
  [key: string]: unknown;
}

export type CustomValues = Record<string, unknown>;
export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/** A jsonb array of objects checked by the code that writes it (e.g. a channel's mapping rules). */
export type JsonList = Array<Record<string, unknown>>;
