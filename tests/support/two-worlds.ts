/**
 * Two versions of one company's customers that differ only in what a viewer may not see: the
 * world "a", and a world "b" in which every hidden value is replaced, every masked value keeps
 * its mask (138****7001, 甲**, ***) but changes behind it, and — for a sandboxed new hire — every
 * row they may not open changes in all but its id, owner and the first character of its name (that
 * character too when their rule hides the name).
 * A response that differs between the worlds has revealed something the viewer may not see.
 */
import { sql } from 'kysely';
import { toE164 } from '../../common/phone.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import type { Company } from './test-app.ts';
import { testDatabase } from './test-database.ts';

export type Rule = 'visible' | 'masked' | 'hidden';
export type Variant = 'a' | 'masked' | 'hidden';

/** The customer and contact fields the rules are drawn over, with the token each world writes into them. */
export const ruledFields = [
  { object: 'customer', field: 'name', tag: 'NM' },
  { object: 'customer', field: 'shortName', tag: 'SN' },
  { object: 'customer', field: 'industry', tag: 'IN' },
  { object: 'customer', field: 'region', tag: 'RG' },
  { object: 'customer', field: 'level', tag: '' },
  { object: 'customer', field: 'mainPhone', tag: '' },
  { object: 'customer', field: 'custom.budget', tag: '' },
  { object: 'customer', field: 'custom.privatePhone', tag: '' },
  { object: 'customer', field: 'custom.note', tag: 'NT' },
  { object: 'customer', field: 'custom', tag: '' },
  { object: 'contact', field: 'name', tag: 'CN' },
  { object: 'contact', field: 'mobile', tag: '' },
] as const;

export type RuleSet = Record<string, Rule>;

const strength: Record<Rule, number> = { visible: 2, masked: 1, hidden: 0 };
/** A field's rule as the server applies it: a rule on `custom` covers every custom field. */
export function effective(rules: RuleSet, key: string): Rule {
  const own = rules[key] ?? 'visible';
  if (!key.startsWith('customer.custom.')) return own;
  const whole = rules['customer.custom'] ?? 'visible';
  return strength[whole] < strength[own] ? whole : own;
}
export const ruleKey = (f: { object: string; field: string }) => `${f.object}.${f.field}`;

const pad = (n: number) => String(n % 100).padStart(2, '0');
const text = (first: string, other: string, tag: string, variant: Variant, n: number) =>
  variant === 'a' ? `${first}${tag}a${n}` : variant === 'masked' ? `${first}${tag}b${n}` : `${other}${tag}b${n}`;
const phone = (head: string, variant: Variant, n: number, tail: number) =>
  variant === 'a'
    ? `${head} 57${pad(n)} ${tail + n}`
    : variant === 'masked'
      ? `${head}24${pad(n)}${tail + n}`
      : `${head.slice(0, 2)}${Number(head[2]) === 9 ? 8 : 9}24${pad(n)}${tail + 1000 + n}`;

export function customerValues(i: number, v: (field: string) => Variant) {
  const mainPhone = phone('138', v('mainPhone'), i, 7000);
  return {
    name: text('甲', '乙', 'NM', v('name'), i),
    short_name: text('丙', '丁', 'SN', v('shortName'), i),
    industry: text('制', '农', 'IN', v('industry'), i % 3),
    region: text('华', '西', 'RG', v('region'), i % 4),
    level: v('level') === 'hidden' ? 'ABCD'[(i + 1) % 4]! : 'ABCD'[i % 4]!,
    main_phone: mainPhone,
    main_phone_e164: toE164(mainPhone)!,
    custom: JSON.stringify({
      budget: v('custom.budget') === 'a' ? 123400 + i : 987600 + i,
      privatePhone: phone('137', v('custom.privatePhone'), i, 3000),
      note: text('记', '忆', 'NT', v('custom.note'), i),
    }),
  };
}

export function contactValues(k: number, v: (field: string) => Variant) {
  const mobile = phone('186', v('mobile'), k, 5000);
  return { name: text('联', '系', 'CN', v('name'), k), mobile, mobile_e164: toE164(mobile)! };
}

/**
 * Fragments of world `world` values that must never reach a viewer for whom the field is not
 * visible (ids and cursors are taken out of a body before it is searched for them).
 */
export function secretsOf(rules: RuleSet, world: 'a' | 'b', customers: number, contacts: number): string[] {
  const ruled = (key: string) => effective(rules, key) !== 'visible';
  const side = world === 'a' ? 'a' : 'b';
  const out: string[] = [];
  for (const f of ruledFields) if (f.tag && ruled(ruleKey(f))) out.push(`${f.tag}${side}`);
  const variants: Variant[] = world === 'a' ? ['a'] : ['masked', 'hidden'];
  const phones = (head: string, count: number, tail: number) =>
    variants.flatMap((v) =>
      Array.from({ length: count }, (_, n) => {
        const digits = phone(head, v, n, tail).replace(/\D/g, '');
        return [phone(head, v, n, tail), digits, digits.slice(0, 7)];
      }).flat(),
    );
  if (ruled('customer.mainPhone')) out.push(...phones('138', customers, 7000));
  if (ruled('customer.custom.privatePhone')) out.push(...phones('137', customers, 3000));
  if (ruled('contact.mobile')) out.push(...phones('186', contacts, 5000));
  if (ruled('customer.custom.budget'))
    out.push(...Array.from({ length: customers }, (_, i) => String((world === 'a' ? 123400 : 987600) + i)));
  return out;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The secrets found in a response body, after taking out ids and the cursor. */
export function leaked(body: string, secrets: string[]): string[] {
  const text = body.replace(/"nextCursor":"[^"]*"/, '').replace(UUID, '');
  return secrets.filter((s) => text.includes(s));
}

export interface WorldRows {
  customerIds: string[];
  contacts: Array<{ id: string; customerId: string }>;
}

/** Writes world `world` for a viewer with `rules`; `sealed` are the customers the viewer sees masked by the sandbox. */
export async function writeWorld(
  company: Company,
  rows: WorldRows,
  rules: RuleSet,
  world: 'a' | 'b',
  sealed: Set<string> = new Set(),
) {
  const database = await testDatabase();
  const variant = (object: string, id: string) => (field: string) => {
    if (world === 'a') return 'a';
    // a sealed row shows the first character of its name (张***) unless the viewer's rule hides the name
    if (sealed.has(id)) return field === 'name' && effective(rules, 'customer.name') !== 'hidden' ? 'masked' : 'hidden';
    const rule = effective(rules, `${object}.${field}`);
    return rule === 'visible' ? 'a' : rule;
  };
  await withTenant(database.db, company.tenantId, async (trx) => {
    // names and phones are unique: clear them first so the rows can trade values
    await trx
      .updateTable('customers')
      .set({ name: sql`'tmp-' || id::text`, main_phone_e164: null })
      .where('tenant_id', '=', company.tenantId)
      .execute();
    for (const [i, id] of rows.customerIds.entries()) {
      const shifted = world === 'b' && sealed.has(id);
      await trx
        .updateTable('customers')
        .set({
          ...customerValues(i, variant('customer', id)),
          status: shifted ? 'lost' : 'active',
          updated_at: shifted
            ? sql`timestamptz '2020-01-01' + ${`${i} days`}::interval`
            : sql`timestamptz '2026-01-01' + ${`${i} hours`}::interval`,
          created_at: shifted
            ? sql`timestamptz '2019-01-01' + ${`${i} days`}::interval`
            : sql`timestamptz '2025-01-01' + ${`${i} hours`}::interval`,
        })
        .where('tenant_id', '=', company.tenantId)
        .where('id', '=', id)
        .execute();
    }
    for (const [k, contact] of rows.contacts.entries()) {
      await trx
        .updateTable('contacts')
        .set(contactValues(k, variant('contact', contact.customerId)))
        .where('tenant_id', '=', company.tenantId)
        .where('id', '=', contact.id)
        .execute();
    }
  });
}
