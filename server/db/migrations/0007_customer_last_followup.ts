import { sql, type Kysely } from 'kysely';

/**
 * `customers.last_followup_at`: when the customer's latest live follow-up happened, kept by a
 * trigger on every follow-up write (create, edit, move, delete, restore, purge) from any writer,
 * so lists and reads present it as a column instead of an aggregate per row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `select set_config('app.system', 'on', true)`,
    `alter table customers add column last_followup_at timestamptz(3)`,
    `update customers c set last_followup_at = latest.at
      from (select tenant_id, customer_id, max(occurred_at) as at from followups
            where deleted_at is null and customer_id is not null group by tenant_id, customer_id) latest
      where c.tenant_id = latest.tenant_id and c.id = latest.customer_id`,
    `create function refresh_customer_last_followup(tenant uuid, customer uuid) returns void language sql as $$
      update customers c set last_followup_at = (select max(f.occurred_at) from followups f
          where f.tenant_id = tenant and f.customer_id = customer and f.deleted_at is null)
        where c.tenant_id = tenant and c.id = customer
    $$`,
    `create function followups_last_followup() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' and old.customer_id is not null then
        perform refresh_customer_last_followup(old.tenant_id, old.customer_id);
      end if;
      if tg_op <> 'DELETE' and new.customer_id is not null
         and (tg_op = 'INSERT' or new.customer_id is distinct from old.customer_id) then
        perform refresh_customer_last_followup(new.tenant_id, new.customer_id);
      end if;
      return null;
    end $$`,
    `create trigger followups_last_followup after insert or delete or update of occurred_at, deleted_at, customer_id
      on followups for each row execute function followups_last_followup()`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'drop trigger followups_last_followup on followups',
    'drop function followups_last_followup()',
    'drop function refresh_customer_last_followup(uuid, uuid)',
    'alter table customers drop column last_followup_at',
  ])
    await sql.raw(statement).execute(db);
}
