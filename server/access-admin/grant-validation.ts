import type { AccessContext } from '../access/access-context.ts';
import { resourceOfObject, type AccessObject } from '../access/model.ts';
import { fieldError } from '../errors.ts';
import { allFields, filterConditions } from '../resources/list-query.ts';
import { allResources, getResource } from '../resources/registry.ts';
import type { RoleCreateInput } from './role-schemas.ts';

const defsOf = (access: AccessContext, object: string | undefined) =>
  object ? (access.customFields.get(object) ?? []) : [];

/**
 * A custom scope is a list filter over the object's fields; it is checked when the role is
 * saved, so a bad one is refused naming the field instead of failing every list later.
 */
export function assertGrantFilters(access: AccessContext, grants: RoleCreateInput['grants']) {
  grants.forEach((grant, index) => {
    if (grant.scope !== 'custom') return;
    const resource = resourceOfObject(grant.object as AccessObject);
    if (!resource)
      throw fieldError(
        `grants.${index}.scope`,
        `a custom scope needs an object with records; ${grant.object} has none`,
      );
    const spec = getResource(resource);
    filterConditions(spec, grant.filter, defsOf(access, spec.customObject), `grants.${index}.filter`);
  });
}

/**
 * A field rule must name a field of its object (custom fields as custom.<key>): a misspelt
 * name would protect nothing while the administrator believes it does.
 */
export function assertFieldRuleNames(access: AccessContext, rules: RoleCreateInput['fieldRules']) {
  rules.forEach((rule, index) => {
    const specs = allResources().filter((spec) => spec.access.object === rule.object);
    const names = new Set<string>();
    for (const spec of specs) {
      for (const [name, field] of Object.entries(allFields(spec)))
        if (!field.internal && name !== 'id') names.add(name);
      for (const name of Object.keys(spec.derived ?? {})) names.add(name);
      if (spec.customObject) {
        names.add('custom');
        for (const def of defsOf(access, spec.customObject)) names.add(`custom.${def.key}`);
      }
    }
    if (names.has(rule.field)) return;
    const known = [...names].sort().join(', ');
    throw fieldError(
      `fieldRules.${index}.field`,
      specs.length
        ? `is not a field of ${rule.object}; fields: ${known}`
        : `${rule.object} has no record fields to protect`,
    );
  });
}
