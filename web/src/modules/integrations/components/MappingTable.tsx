import { Button, Input, Select } from 'antd';
import { Tag } from '../../../app/ui/states.tsx';
import {
  transformOps,
  valueTypes,
  type CustomTargetDef,
  type MappingRule,
  type Transform,
  type TransformOp,
  type ValueType,
} from '../../../../../common/channel-mapping.ts';
import { translate } from '../../../app/i18n/index.ts';
import { mergePolicies, type MergePolicy, type MergePolicyName } from '../api/integrations.ts';
import { useIntegrationsT, type IntegrationsT } from '../i18n/index.ts';
import {
  enumMapText,
  isPseudoTarget,
  newRowId,
  parseEnumMap,
  splitList,
  standardTargets,
  transformFor,
  type CheckedMapping,
  type MappingRow,
} from './mapping-model.ts';

interface MappingTableProps {
  rows: MappingRow[];
  onRowsChange: (rows: MappingRow[]) => void;
  checked: CheckedMapping;
  customDefs: ReadonlyArray<CustomTargetDef & { label?: string }>;
  mergePolicy: MergePolicy;
  onMergePolicyChange: (policy: MergePolicy) => void;
}

const INHERIT = '';
// The selects of the integration pages are not virtual (virtual={false}): antd's virtual list renders
// its options with aria-selected but without role="option", which fails WCAG (axe aria-allowed-attr).

function targetLabel(t: IntegrationsT, target: string, defs: MappingTableProps['customDefs']): string {
  if (target === 'externalId' || target === 'updatedAt') return t(`mapping.pseudo.${target}`);
  if (target.startsWith('custom.')) {
    const def = defs.find((d) => `custom.${d.key}` === target);
    return t('mapping.custom', { label: def?.label ?? target.slice(7) });
  }
  return translate(`customer.fields.${target}`, { defaultValue: target });
}

/** The mapping table: one row per rule, each with its type-check problems inline, and its field's merge policy. */
export function MappingTable({
  rows,
  onRowsChange,
  checked,
  customDefs,
  mergePolicy,
  onMergePolicyChange,
}: MappingTableProps) {
  const { t } = useIntegrationsT();
  const targets = [...standardTargets, ...customDefs.map((d) => `custom.${d.key}`)];
  const update = (id: string, change: Partial<MappingRule>) =>
    onRowsChange(rows.map((row) => (row.id === id ? { ...row, rule: { ...row.rule, ...change } } : row)));
  const setTransform = (id: string, rule: MappingRule, next: Transform) =>
    update(id, { transforms: (rule.transforms ?? []).map((tr) => (tr.op === next.op ? next : tr)) });
  const setFieldPolicy = (target: string, policy: string) => {
    const fields = { ...mergePolicy.fields };
    if (policy === INHERIT) delete fields[target];
    else fields[target] = policy as MergePolicyName;
    onMergePolicyChange({ ...mergePolicy, fields });
  };
  const label = (n: number, what: string) => t('mapping.rowLabel', { n, what });

  return (
    <section aria-labelledby="mapping-title" className="int-card" data-testid="mapping-table">
      <h2 id="mapping-title">{t('mapping.label')}</h2>
      <p className="int-muted">{t('mapping.intro')}</p>
      <p role="status" data-testid="mapping-check">
        {checked.count === 0 ? (
          <Tag tone="green">{t('mapping.ok')}</Tag>
        ) : (
          <Tag tone="red">{t('mapping.problems', { count: checked.count })}</Tag>
        )}
      </p>
      {rows.length === 0 && <p className="int-muted">{t('mapping.empty')}</p>}
      {rows.length > 0 && (
        <table className="int-diff int-mapping">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('mapping.source')}</th>
              <th scope="col">{t('mapping.sourceType')}</th>
              <th scope="col">{t('mapping.target')}</th>
              <th scope="col">{t('mapping.transforms')}</th>
              <th scope="col">{t('mapping.policy')}</th>
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ id, rule }, index) => {
              const n = index + 1;
              const problems = checked.byRow.get(index) ?? [];
              const ops = (rule.transforms ?? []).map((tr) => tr.op);
              return (
                <tr key={id} data-testid="mapping-row">
                  <td>{n}</td>
                  <td>
                    <Input
                      aria-label={label(n, t('mapping.source'))}
                      value={rule.source}
                      status={problems.length ? 'error' : undefined}
                      onChange={(e) => update(id, { source: e.target.value })}
                    />
                    {problems.length > 0 && (
                      <ul className="int-mapping__problems" data-testid="mapping-problem">
                        {problems.map((p) => (
                          <li key={p.message}>
                            <strong>{t(`mapping.${p.kind}`)}</strong>: {p.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <Select<ValueType>
                      virtual={false}
                      aria-label={label(n, t('mapping.sourceType'))}
                      style={{ minWidth: 100 }}
                      value={rule.sourceType ?? 'text'}
                      options={valueTypes.map((v) => ({ value: v, label: t(`mapping.valueType.${v}`) }))}
                      onChange={(v) => update(id, { sourceType: v === 'text' ? undefined : v })}
                    />
                  </td>
                  <td>
                    <Select<string>
                      virtual={false}
                      aria-label={label(n, t('mapping.target'))}
                      style={{ minWidth: 160 }}
                      showSearch
                      optionFilterProp="label"
                      value={rule.target || undefined}
                      options={targets.map((target) => ({ value: target, label: targetLabel(t, target, customDefs) }))}
                      onChange={(v) => update(id, { target: v })}
                    />
                  </td>
                  <td>
                    <Select<TransformOp[]>
                      virtual={false}
                      mode="multiple"
                      aria-label={label(n, t('mapping.transforms'))}
                      style={{ minWidth: 200 }}
                      value={ops}
                      options={transformOps.map((op) => ({ value: op, label: t(`mapping.op.${op}`) }))}
                      onChange={(next) =>
                        update(id, { transforms: next.map((op) => transformFor(op, rule.transforms)) })
                      }
                    />
                    {(rule.transforms ?? []).map((tr) => (
                      <TransformParams
                        key={tr.op}
                        transform={tr}
                        label={(what) => label(n, what)}
                        onChange={(next) => setTransform(id, rule, next)}
                      />
                    ))}
                  </td>
                  <td>
                    {!isPseudoTarget(rule.target) && rule.target && (
                      <Select<string>
                        virtual={false}
                        aria-label={label(n, t('mapping.policy'))}
                        style={{ minWidth: 150 }}
                        value={mergePolicy.fields?.[rule.target] ?? INHERIT}
                        options={[
                          { value: INHERIT, label: t('merge.inherit') },
                          ...mergePolicies.map((p) => ({ value: p, label: t(`merge.policy.${p}`) })),
                        ]}
                        onChange={(v) => setFieldPolicy(rule.target, v)}
                      />
                    )}
                  </td>
                  <td>
                    <Button
                      danger
                      type="text"
                      aria-label={t('mapping.remove', { n })}
                      onClick={() => onRowsChange(rows.filter((row) => row.id !== id))}
                    >
                      ×
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Button
        onClick={() => onRowsChange([...rows, { id: newRowId(), rule: { source: '', target: '', transforms: [] } }])}
      >
        + {t('mapping.add')}
      </Button>
    </section>
  );
}

/** The parameters of one transform (formats, value map, default, sources); uncontrolled so typing is never rewritten. */
function TransformParams({
  transform,
  label,
  onChange,
}: {
  transform: Transform;
  label: (what: string) => string;
  onChange: (next: Transform) => void;
}) {
  const { t } = useIntegrationsT();
  switch (transform.op) {
    case 'date':
      return (
        <Input
          aria-label={label(t('mapping.formats'))}
          placeholder={t('mapping.formats')}
          defaultValue={transform.formats.join(', ')}
          onChange={(e) => onChange({ op: 'date', formats: splitList(e.target.value) })}
        />
      );
    case 'enum':
      return (
        <Input.TextArea
          aria-label={label(t('mapping.enumMap'))}
          placeholder={t('mapping.enumMap')}
          autoSize={{ minRows: 2 }}
          defaultValue={enumMapText(transform.map)}
          onChange={(e) => onChange({ op: 'enum', map: parseEnumMap(e.target.value) })}
        />
      );
    case 'default':
      return (
        <Input
          aria-label={label(t('mapping.defaultValue'))}
          placeholder={t('mapping.defaultValue')}
          defaultValue={transform.value === null || transform.value === undefined ? '' : String(transform.value)}
          onChange={(e) => onChange({ op: 'default', value: e.target.value })}
        />
      );
    case 'concat':
      return (
        <>
          <Input
            aria-label={label(t('mapping.concatSources'))}
            placeholder={t('mapping.concatSources')}
            defaultValue={transform.sources.join(', ')}
            onChange={(e) => onChange({ ...transform, sources: splitList(e.target.value) })}
          />
          <Input
            aria-label={label(t('mapping.separator'))}
            placeholder={t('mapping.separator')}
            defaultValue={transform.separator ?? ' '}
            onChange={(e) => onChange({ ...transform, separator: e.target.value })}
          />
        </>
      );
    default:
      return null;
  }
}
