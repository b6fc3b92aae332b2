import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { fieldError } from '../errors.ts';
import type { CustomFieldDef } from '../resources/custom-values.ts';
import { allFields, parseSort, type SortSpec } from '../resources/list-query.ts';
import { getResource } from '../resources/registry.ts';
import type { FieldKind, ResourceSpec, SearchView } from '../resources/resource-spec.ts';
import { readScope, sandboxScope } from '../resources/scope.ts';
import { grantsFor, type AccessContext } from './access-context.ts';
import { objectOf } from './object-of.ts';
import {
  customValuesSql,
  maskedColumnSql,
  maskedValuesSql,
  maskStyleOf,
  type ChangeRules,
  type KeyRule,
  type MaskStyle,
} from './masking-sql.ts';
import type { AccessAction, AccessObject } from './model.ts';

/** How the caller sees a field: in full, masked, or not at all. */
export type FieldView = 'visible' | 'masked' | 'hidden';

const strength: Record<FieldView, number> = { visible: 2, masked: 1, hidden: 0 };
const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

/**
 * The caller's access to one object, compiled once per request from the access context: which
 * rows (the data scope as SQL), which fields in which form (a projection that masks in SQL),
 * and which fields a filter, sort or search may use (the fully visible ones). Lists, details,
 * includes, exports, search, cursors and the audit log all take their SQL from here.
 */
export interface ObjectPlan {
  spec: ResourceSpec;
  object: AccessObject;
  access: AccessContext;
  defs: CustomFieldDef[];
  view(name: string): FieldView;
  /** The rows the caller may `action`: tenant, live, data scope (SQL over the spec's table). */
  rows(action?: AccessAction): Expression<SqlBool>[];
  /** For a sandboxed new hire, the rows they may open in clear; undefined for everyone else. */
  sandboxOpen: Expression<SqlBool> | undefined;
  /**
   * Whether the caller may `action` a row, as SQL over the spec's table (grants, scope, sandbox).
   * `readable`: the rows already passed the read scope, so a scope equal to it need not run again.
   */
  can(action: 'update' | 'delete', readable?: boolean): Expression<SqlBool>;
  /** A presented field (or `custom`, all custom values) as the caller sees it, as SQL over `table`; undefined when hidden. */
  fieldSql(name: string, table?: string): RawBuilder<unknown> | undefined;
  /** Refuses a filter or sort on a field the caller does not see in full. */
  gate(name: string, path: string): void;
  /** The sort to use: the requested one (checked), or the first default the caller sees in full. */
  sort(text: string | undefined): SortSpec;
  /** The field rules as the audit log applies them to this object's diffs. */
  changeRules(): ChangeRules;
}

export interface AccessPlan {
  access: AccessContext;
  of(spec: ResourceSpec): ObjectPlan;
  /** The caller's view for quick search (`q=`). */
  searchView: SearchView;
}

const plans = new WeakMap<AccessContext, AccessPlan>();

/** The plan of an access context, built on first use and shared by everything in the request. */
export function accessPlan(access: AccessContext): AccessPlan {
  let plan = plans.get(access);
  if (!plan) {
    const objects = new Map<string, ObjectPlan>();
    const of = (spec: ResourceSpec) => {
      let object = objects.get(spec.path);
      if (!object) objects.set(spec.path, (object = objectPlan(access, spec)));
      return object;
    };
    plan = {
      access,
      of,
      searchView: {
        field: (resource, name) => of(getResource(resource)).fieldSql(name),
        visible: (resource, name) => of(getResource(resource)).view(name) === 'visible',
        readable: (resource) => sql<SqlBool>`(${sql.join(of(getResource(resource)).rows('read'), sql` and `)})`,
      },
    };
    plans.set(access, plan);
  }
  return plan;
}

function objectPlan(access: AccessContext, spec: ResourceSpec): ObjectPlan {
  const object = objectOf(spec);
  const rules = access.fieldRules.get(object);
  const defs = spec.customObject ? (access.customFields.get(spec.customObject) ?? []) : [];
  const fields = allFields(spec);
  const ruleView = (name: string): FieldView => {
    const rule = rules?.get(name);
    return rule === 'hidden' ? 'hidden' : rule === 'masked' ? 'masked' : 'visible';
  };
  const weaker = (a: FieldView, b: FieldView) => (strength[a] < strength[b] ? a : b);
  const view = (name: string): FieldView => {
    if (name === 'id') return 'visible';
    // a rule on `custom` covers every custom field; ruleOf ties a field to the one it reveals
    const governing = name.startsWith('custom.')
      ? 'custom'
      : Object.hasOwn(fields, name)
        ? fields[name]!.ruleOf
        : spec.derived?.[name]?.ruleOf;
    return governing ? weaker(ruleView(name), ruleView(governing)) : ruleView(name);
  };
  const styleOf = (name: string): MaskStyle =>
    name.startsWith('custom.')
      ? maskStyleOf(name.slice(7), defs.find((d) => d.key === name.slice(7))?.type)
      : maskStyleOf(name);
  const customRules = (): KeyRule[] =>
    [...(rules ?? [])]
      .filter(([name, rule]) => name.startsWith('custom.') && (rule === 'hidden' || rule === 'masked'))
      .map(([name, rule]) => ({ key: name.slice(7), rule: rule as 'hidden' | 'masked', style: styleOf(name) }));
  // reference data every signed-in user reads (departments, custom-field definitions) is outside the sandbox
  const sandboxed = access.sandboxUntil !== null && !spec.readableByAll;
  const sandboxOpen = sandboxed ? sql<SqlBool>`coalesce(${sandboxScope(access, spec)}, false)` : undefined;

  const shown = (name: string, kind: FieldKind, value: RawBuilder<unknown>) => {
    const seen = view(name);
    if (seen === 'hidden') return undefined;
    return seen === 'masked' ? maskedColumnSql(value, kind, styleOf(name)) : value;
  };

  const plan: ObjectPlan = {
    spec,
    object,
    access,
    defs,
    view,
    rows: (action = 'read') => readScope(access, spec, action),
    sandboxOpen,
    can(action, readable = false) {
      const ops = { create: true, update: true, delete: true, ...spec.operations };
      if (!ops[action]) return FALSE;
      if (spec.writePermission) return access.system.has(spec.writePermission) ? TRUE : FALSE;
      if (grantsFor(access, object, action).length === 0) return FALSE;
      if (readable && !spec.readableByAll && sameScope(access, object, action, 'read'))
        return sandboxOpen ? sql<SqlBool>`(${sandboxOpen})` : TRUE;
      const scope = sql.join(readScope(access, spec, action), sql` and `);
      return sandboxOpen ? sql<SqlBool>`(${scope} and ${sandboxOpen})` : sql<SqlBool>`(${scope})`;
    },
    fieldSql(name, table = spec.table) {
      if (name === 'custom') {
        const whole = view('custom');
        if (whole === 'hidden') return undefined;
        const values = sql.ref(`${table}.custom`);
        const phones = defs.filter((d) => maskStyleOf(d.key, d.type) === 'phone').map((d) => d.key);
        if (whole !== 'masked') return customValuesSql(values, customRules());
        const kept = customValuesSql(
          values,
          customRules().filter((r) => r.rule === 'hidden'),
        );
        return maskedValuesSql(kept, phones);
      }
      const derived = spec.derived?.[name];
      if (derived) return shown(name, derived.kind, derived.select(table));
      const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
      if (!field || field.internal) return undefined;
      return shown(name, field.kind, sql.ref(`${table}.${field.column}`));
    },
    gate(name, path) {
      const seen = view(name);
      if (seen === 'hidden') throw fieldError(path, 'is hidden from you');
      if (seen === 'masked') throw fieldError(path, 'is masked for you; only fully visible fields can be used here');
    },
    sort(text) {
      if (text) return parseSort(spec, text, defs, plan.gate);
      const candidates = [spec.defaultSort ?? '-updatedAt', '-updatedAt', 'id'];
      const usable = candidates.find((c) => view(c.replace(/^[-+]/, '')) === 'visible') ?? 'id';
      return parseSort(spec, usable, defs);
    },
    changeRules() {
      const names = [
        ...Object.keys(fields),
        ...Object.keys(spec.derived ?? {}),
        ...(spec.customObject ? ['custom'] : []),
      ].filter((name) => name !== 'id' && !fields[name]?.internal);
      const aliases = Object.entries(spec.auditAliases ?? {}).map(([name, field]) => ({ name, seen: view(field) }));
      const ruled = [...names.map((name) => ({ name, seen: view(name) })), ...aliases].filter(
        (f): f is { name: string; seen: 'hidden' | 'masked' } => f.seen !== 'visible',
      );
      return {
        fields: ruled.map((f) => ({ name: f.name, rule: f.seen, style: styleOf(f.name) })),
        custom: customRules(),
      };
    },
  };
  return plan;
}

/** Whether two actions' grants on `object` give the same rows (the same scopes and filters). */
function sameScope(access: AccessContext, object: string, a: string, b: string): boolean {
  const scopes = (action: string) =>
    new Set(grantsFor(access, object, action).map((g) => `${g.scope}|${JSON.stringify(g.filter ?? null)}`));
  const [left, right] = [scopes(a), scopes(b)];
  return left.size === right.size && [...left].every((key) => right.has(key));
}
