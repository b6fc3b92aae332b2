import { sql, type Kysely } from 'kysely';
import { baseColumns, ref, rlsStatements } from './sql-fragments.ts';

/**
 * Meeting transcripts and the WeCom sidebar (issue 12): follow-ups gain a `summary` and the
 * customer `objections` found in a transcript; users their WeCom member id (app messages); received transcripts (utterances, the matched
 * customer, the follow-up they became); each company's objection lexicon (data admins edit);
 * and the mapping of WeCom external contacts (external userid) to customers and contacts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `alter table followups add column summary text, add column objections jsonb`,
    // the WeCom member id (企业微信 userid) app messages are sent to
    `alter table users add column wecom_user_id text`,
    // a notification also sent as a WeCom app message: when, or why not
    `alter table notifications add column wecom_sent_at timestamptz(3), add column wecom_error text`,
    `create table transcripts (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      customer_id uuid,
      phone text,
      utterances jsonb not null,
      source text not null check (source in ('text', 'audio')),
      status text not null check (status in ('received', 'processed', 'unmatched', 'failed')),
      match_note text,
      followup_id uuid,
      opportunity_id uuid,
      error text,
      received_by uuid not null,
      received_at timestamptz(3) not null default now(),
      processed_at timestamptz(3),
      primary key (tenant_id, id)
    )`,
    `create index transcripts_received on transcripts (tenant_id, received_at desc, id desc)`,
    `create table transcript_lexicon (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      kind text not null check (kind in ('price', 'competitor', 'timing', 'authority', 'feature_gap')),
      phrase text not null,
      updated_by uuid,
      updated_at timestamptz(3) not null default now(),
      primary key (tenant_id, id)
    )`,
    `create unique index transcript_lexicon_phrase on transcript_lexicon (tenant_id, kind, phrase)`,
    `create table wecom_external_contacts (${baseColumns},
      external_userid text not null,
      customer_id uuid not null,
      contact_id uuid,
      ${ref('customer_id', 'customers', 'cascade')},
      ${ref('contact_id', 'contacts', 'cascade')}
    )`,
    `create unique index wecom_external_contacts_userid on wecom_external_contacts (tenant_id, external_userid)`,
    `create index wecom_external_contacts_customer on wecom_external_contacts (tenant_id, customer_id)`,
    `create index wecom_external_contacts_contact on wecom_external_contacts (tenant_id, contact_id)`,
    ...['transcripts', 'transcript_lexicon', 'wecom_external_contacts'].flatMap(rlsStatements),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['wecom_external_contacts', 'transcript_lexicon', 'transcripts'])
    await sql.raw(`drop table ${table}`).execute(db);
  await sql.raw(`alter table followups drop column summary, drop column objections`).execute(db);
  await sql.raw(`alter table users drop column wecom_user_id`).execute(db);
  await sql.raw(`alter table notifications drop column wecom_sent_at, drop column wecom_error`).execute(db);
}
