import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.ts';
import * as core from './migrations/0001_core.ts';
import * as access from './migrations/0002_access.ts';
import * as cursorKeys from './migrations/0003_cursor_keys.ts';
import * as knownDevices from './migrations/0004_known_devices.ts';
import * as sessionWriteLsn from './migrations/0005_session_write_lsn.ts';
import * as tenantVersions from './migrations/0006_tenant_versions.ts';
import * as customerLastFollowup from './migrations/0007_customer_last_followup.ts';
import * as channelsIntake from './migrations/0008_channels_intake.ts';
import * as assignmentConsistency from './migrations/0009_assignment_consistency.ts';
import * as outboundDeliveries from './migrations/0010_outbound_deliveries.ts';
import * as pullImports from './migrations/0011_pull_imports.ts';
import * as metricReports from './migrations/0013_metric_reports.ts';
import * as pullAuthImportHeartbeat from './migrations/0016_pull_auth_import_heartbeat.ts';
import * as automation from './migrations/0017_automation.ts';
import * as clientSync from './migrations/0018_client_sync.ts';
import * as automationEngine from './migrations/0019_automation_engine.ts';
import * as smartButtons from './migrations/0020_smart_buttons.ts';
import * as transcriptsWecom from './migrations/0021_transcripts_wecom.ts';
import * as followupTemplates from './migrations/0024_followup_templates.ts';
import * as wecomContactName from './migrations/0022_wecom_contact_name.ts';
import * as foreignKeyIndexes from './migrations/0025_foreign_key_indexes.ts';
import * as wholeForeignKeyIndexes from './migrations/0026_whole_foreign_key_indexes.ts';
import * as rlsSettingsOnce from './migrations/0027_rls_settings_once.ts';
import { quoteIdent } from './database.ts';

const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0002_access': access,
  '0003_cursor_keys': cursorKeys,
  '0004_known_devices': knownDevices,
  '0005_session_write_lsn': sessionWriteLsn,
  '0006_tenant_versions': tenantVersions,
  '0007_customer_last_followup': customerLastFollowup,
  '0008_channels_intake': channelsIntake,
  '0009_assignment_consistency': assignmentConsistency,
  '0010_outbound_deliveries': outboundDeliveries,
  '0011_pull_imports': pullImports,
  '0013_metric_reports': metricReports,
  '0016_pull_auth_import_heartbeat': pullAuthImportHeartbeat,
  '0017_automation': automation,
  '0018_client_sync': clientSync,
  '0019_automation_engine': automationEngine,
  '0020_smart_buttons': smartButtons,
  '0021_transcripts_wecom': transcriptsWecom,
  '0024_followup_templates': followupTemplates,
  '0022_wecom_contact_name': wecomContactName,
  '0025_foreign_key_indexes': foreignKeyIndexes,
  '0026_whole_foreign_key_indexes': wholeForeignKeyIndexes,
  '0027_rls_settings_once': rlsSettingsOnce,
};

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

export interface MigrateResult {
  applied: string[];
}

/** Applies pending migrations as the schema owner, then grants the app role its rights. */
export async function migrateToLatest(database: Database, appRole?: string): Promise<MigrateResult> {
  const migrator = new Migrator({ db: database.owner, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '?'} failed: ${(error as Error).message}`, { cause: error });
  }
  if (database.kind === 'postgres' && appRole && database.rlsEnforced) await grantAppRole(database, appRole);
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/**
 * Grants the app role its rights, in one transaction under an advisory lock: two instances
 * starting together would otherwise update the same catalog rows at once and one would fail
 * with "tuple concurrently updated".
 */
async function grantAppRole(database: Database, role: string) {
  const r = quoteIdent(role);
  await database.owner.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('cairn.grant_app_role'))`.execute(trx);
    for (const statement of [
      `grant usage on schema public to ${r}`,
      `grant select, insert, update, delete on all tables in schema public to ${r}`,
      `revoke update, delete, truncate on audit_log from ${r}`,
      `revoke update, delete, truncate on report_snapshots from ${r}`,
      `grant usage, select on all sequences in schema public to ${r}`,
    ])
      await sql.raw(statement).execute(trx);
  });
}
