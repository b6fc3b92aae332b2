import { sql, type RawBuilder } from 'kysely';
import type { FieldKind } from '../resources/resource-spec.ts';

/**
 * Field masking as SQL, so a masked value leaves the database already masked:
 * phones as 138****1234 (the local number's first 3 and last 4 digits, as maskPhone in
 * common/phone.ts), e-mail addresses as z***@example.cn, other text as its first character
 * and `**`. Values that are not text (amounts, dates, ids) are masked as `***`.
 */
export type MaskStyle = 'phone' | 'text';

const phoneLike = /phone|mobile/i;

/** Phones are recognised by name (mainPhone, mobile) or by a custom field's type. */
export const maskStyleOf = (name: string, customType?: string): MaskStyle =>
  customType === 'phone' || phoneLike.test(name) ? 'phone' : 'text';

function maskPhoneText(text: RawBuilder<unknown>): RawBuilder<string | null> {
  return sql<string | null>`case when ${text} is null then null else (
    select case when length(l) < 7 then '****' else left(l, 3) || '****' || right(l, 4) end
      from (select case when d like '86%' and length(d) = 13 then substr(d, 3) else d end as l
              from (select regexp_replace(${text}, '[^0-9]', '', 'g') as d) as digits) as local) end`;
}

function maskPlainText(text: RawBuilder<unknown>): RawBuilder<string | null> {
  return sql<string | null>`case when ${text} is null then null
    when strpos(${text}, '@') > 0 then left(${text}, 1) || '***@' || split_part(${text}, '@', 2)
    else left(${text}, 1) || '**' end`;
}

/** A text expression masked in the given style. */
export const maskTextSql = (text: RawBuilder<unknown>, style: MaskStyle): RawBuilder<string | null> =>
  style === 'phone' ? maskPhoneText(text) : maskPlainText(text);

/** Kinds whose masked form is text (`***` or a masked string); the others are left out when masked. */
const maskableKinds: ReadonlySet<FieldKind> = new Set(['text', 'uuid', 'decimal', 'date', 'timestamp']);

/**
 * A column as a caller with a `masked` rule sees it, or undefined when the kind has no masked
 * form in the record's schema (numbers, booleans, lists and objects are then left out).
 */
export function maskedColumnSql(column: RawBuilder<unknown>, kind: FieldKind, style: MaskStyle) {
  if (!maskableKinds.has(kind)) return undefined;
  if (kind === 'text') return maskTextSql(column, style);
  return sql<string | null>`case when ${column} is null then null else '***' end`;
}

/** A jsonb value masked: strings as text in the style, null stays null, anything else `***`. */
export function maskJsonSql(value: RawBuilder<unknown>, style: MaskStyle): RawBuilder<unknown> {
  return sql`case when ${value} is null or jsonb_typeof(${value}) = 'null' then ${value}
    when jsonb_typeof(${value}) = 'string' then to_jsonb(${maskTextSql(sql`(${value} #>> '{}')`, style)})
    else '"***"'::jsonb end`;
}

export interface KeyRule {
  key: string;
  rule: 'hidden' | 'masked';
  style: MaskStyle;
}

/**
 * A jsonb object of custom values with the caller's rules applied: hidden keys removed,
 * masked keys masked (keys that are absent stay absent). Anything but an object passes as is.
 */
export function customValuesSql(values: RawBuilder<unknown>, rules: KeyRule[]): RawBuilder<unknown> {
  if (rules.length === 0) return values;
  const hidden = rules.filter((r) => r.rule === 'hidden').map((r) => r.key);
  let result = hidden.length
    ? sql`(${values} - ${sql`array[${sql.join(hidden.map((k) => sql.lit(k)))}]::text[]`})`
    : values;
  for (const rule of rules.filter((r) => r.rule === 'masked')) {
    const key = sql.lit(rule.key);
    result = sql`${result} || case when ${values} ? ${key}
      then jsonb_build_object(${key}, ${maskJsonSql(sql`(${values} -> ${key})`, rule.style)}) else '{}'::jsonb end`;
  }
  return sql`case when jsonb_typeof(${values}) = 'object' then ${result} else ${values} end`;
}

/** A jsonb object with every value masked (a rule on all custom fields at once); `phones` are keys masked as phones. */
export function maskedValuesSql(values: RawBuilder<unknown>, phones: string[]): RawBuilder<unknown> {
  const value = phones.length
    ? sql`case when e.key in (${sql.join(phones.map((k) => sql.lit(k)))}) then ${maskJsonSql(sql`e.value`, 'phone')} else ${maskJsonSql(sql`e.value`, 'text')} end`
    : maskJsonSql(sql`e.value`, 'text');
  return sql`(select coalesce(jsonb_object_agg(e.key, ${value}), '{}'::jsonb)
    from jsonb_each(case when jsonb_typeof(${values}) = 'object' then ${values} else '{}'::jsonb end) as e)`;
}

export interface ChangeRules {
  /** Top-level fields: hidden ones are dropped, masked ones masked on both sides. */
  fields: Array<{ name: string; rule: 'hidden' | 'masked'; style: MaskStyle }>;
  /** Rules on custom fields, applied inside the `custom` change's before and after. */
  custom: KeyRule[];
}

/**
 * An audit row's `changes` ({field: {before, after}}) with field rules applied, as the record
 * itself would be shown: hidden fields omitted, masked ones masked on both sides of the diff.
 */
export function auditChangesSql(changes: RawBuilder<unknown>, rules: ChangeRules): RawBuilder<unknown> {
  if (rules.fields.length === 0 && rules.custom.length === 0) return changes;
  const hidden = rules.fields.filter((f) => f.rule === 'hidden').map((f) => sql.lit(f.name));
  const both = (transform: (side: RawBuilder<unknown>) => RawBuilder<unknown>) =>
    sql`jsonb_build_object('before', ${transform(sql`(e.value -> 'before')`)}, 'after', ${transform(sql`(e.value -> 'after')`)})`;
  const cases = rules.fields
    .filter((f) => f.rule === 'masked')
    .map((f) => sql`when ${sql.lit(f.name)} then ${both((side) => maskJsonSql(side, f.style))}`);
  if (rules.custom.length) cases.push(sql`when 'custom' then ${both((side) => customValuesSql(side, rules.custom))}`);
  const value = cases.length ? sql`case e.key ${sql.join(cases, sql` `)} else e.value end` : sql`e.value`;
  const keep = hidden.length ? sql`where e.key not in (${sql.join(hidden)})` : sql``;
  return sql`(select coalesce(jsonb_object_agg(e.key, ${value}), '{}'::jsonb) from jsonb_each(${changes}) as e ${keep})`;
}
