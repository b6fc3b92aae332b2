import type { Database } from '../db/database.ts';
import { asSystem } from '../db/tenant-transaction.ts';

export interface ChannelByKey {
  id: string;
  tenant_id: string;
  kind: string;
  secret_sealed: string | null;
  slug: string;
  cursor_key: string;
}

/**
 * The one live channel with `key`, across companies (as the system), for the command line
 * (`cairn channel secret`, `cairn import`): narrowed to one company by its code (`tenant`), and
 * to one kind when the command needs it. Each failure is an Error with the message to print.
 */
export async function channelByKey(
  database: Database,
  key: string,
  opts: { tenant?: string; kind?: string } = {},
): Promise<ChannelByKey> {
  const { tenant, kind } = opts;
  const rows = await asSystem(database.db, (trx) =>
    trx
      .selectFrom('channels')
      .innerJoin('tenants', 'tenants.id', 'channels.tenant_id')
      .select([
        'channels.id',
        'channels.tenant_id',
        'channels.kind',
        'channels.secret_sealed',
        'tenants.slug',
        'tenants.cursor_key',
      ])
      .where('channels.key', '=', key)
      .where('channels.deleted_at', 'is', null)
      .$if(Boolean(tenant), (q) => q.where('tenants.slug', '=', tenant!))
      .execute(),
  );
  if (rows.length === 0) throw new Error(`no channel "${key}"${tenant ? ` in company "${tenant}"` : ''}`);
  if (rows.length > 1)
    throw new Error(`several companies have a channel "${key}" (${rows.map((r) => r.slug).join(', ')}): pass --tenant`);
  const found = rows[0]!;
  const a = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
  if (kind && found.kind !== kind)
    throw new Error(`channel "${key}" is ${a(found.kind)} channel, not ${a(kind)} channel`);
  return found;
}
