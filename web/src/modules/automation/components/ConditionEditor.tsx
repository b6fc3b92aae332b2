import { Button, Input, Select } from 'antd';
import type { Condition } from '../api/automation.ts';
import { labelOf, useAutomationT } from '../i18n/index.ts';
import { Field } from './Field.tsx';
import { blankCondition, compareOps, conditionOps, fieldOf, formatScalar, parseScalar } from './rule-model.ts';

interface NodeProps {
  value: Condition;
  onChange: (next: Condition) => void;
  onRemove: () => void;
  /** The node's place as the server names it: `conditions`, `conditions.all.1`, … */
  path: string;
  /** The node's place for people: 1, 1.2, 1.2.1 … */
  place: string;
}

function LeafFields({ value, onChange, path, place }: Omit<NodeProps, 'onRemove'>) {
  const { t } = useAutomationT();
  if (value.op !== 'compare' && value.op !== 'in' && value.op !== 'isEmpty' && value.op !== 'changed') return null;
  const scalarInput = (key: 'value' | 'from' | 'to', label: string, optional: boolean) => {
    const current = key === 'value' ? (value as { value: unknown }).value : (value as Record<string, unknown>)[key];
    return (
      <Field
        path={`${path}.${key}`}
        control={(a11y) => (
          <Input
            {...a11y}
            aria-label={label}
            placeholder={label}
            value={formatScalar(current as never)}
            onChange={(e) => {
              const text = e.target.value;
              const next = { ...value } as Record<string, unknown>;
              if (optional && text === '') delete next[key];
              else next[key] = parseScalar(text);
              onChange(next as Condition);
            }}
          />
        )}
      />
    );
  };
  return (
    <>
      <Field
        path={`${path}.field`}
        control={(a11y) => (
          <Input
            {...a11y}
            aria-label={t('cond.field', { place })}
            placeholder={t('cond.field', { place })}
            value={value.field}
            onChange={(e) => onChange({ ...value, field: e.target.value.trim() })}
          />
        )}
      />
      {value.op === 'compare' && (
        <>
          <Field
            path={`${path}.cmp`}
            control={(a11y) => (
              <Select
                {...a11y}
                aria-label={t('cond.cmp', { place })}
                style={{ minWidth: 120 }}
                value={value.cmp}
                options={compareOps.map((c) => ({ value: c, label: labelOf(t, 'cmp', c) }))}
                onChange={(cmp) => onChange({ ...value, cmp })}
              />
            )}
          />
          {scalarInput('value', t('cond.value', { place }), false)}
        </>
      )}
      {value.op === 'in' && (
        <Field
          path={`${path}.values`}
          control={(a11y) => (
            <Input
              {...a11y}
              aria-label={t('cond.values', { place })}
              placeholder={t('cond.values', { place })}
              defaultValue={value.values.map(formatScalar).join(', ')}
              onChange={(e) => onChange({ ...value, values: e.target.value.split(',').map((v) => parseScalar(v)) })}
            />
          )}
        />
      )}
      {value.op === 'changed' && (
        <>
          {scalarInput('from', t('cond.from', { place }), true)}
          {scalarInput('to', t('cond.to', { place }), true)}
        </>
      )}
    </>
  );
}

/** One node of the condition tree: its operator, then its fields (a leaf) or its children (a group). */
export function ConditionNode({ value, onChange, onRemove, path, place }: NodeProps) {
  const { t } = useAutomationT();
  const children = value.op === 'and' ? value.all : value.op === 'or' ? value.any : null;
  const setChildren = (next: Condition[]) =>
    onChange(value.op === 'and' ? { op: 'and', all: next } : { op: 'or', any: next });
  const childKey = value.op === 'and' ? 'all' : 'any';
  return (
    <div className="auto-cond" data-testid="condition-node" data-path={path}>
      <div className="auto-row">
        <Field
          path={`${path}.op`}
          control={(a11y) => (
            <Select
              {...a11y}
              aria-label={t('cond.op', { place })}
              style={{ minWidth: 160 }}
              value={value.op}
              options={conditionOps.map((op) => ({ value: op, label: labelOf(t, 'op', op) }))}
              onChange={(op) => {
                // a group keeps its children, a leaf its field
                if ((op === 'and' || op === 'or') && children)
                  onChange(op === 'and' ? { op, all: children } : { op, any: children });
                else onChange(blankCondition(op, fieldOf(value)));
              }}
            />
          )}
        />
        <LeafFields value={value} onChange={onChange} path={path} place={place} />
        <Button onClick={onRemove} aria-label={t('cond.remove', { place })}>
          ×
        </Button>
      </div>
      {children && (
        <div className="auto-cond__children">
          {children.map((child, i) => (
            <ConditionNode
              key={`${childKey}.${i}`}
              value={child}
              path={`${path}.${childKey}.${i}`}
              place={`${place}.${i + 1}`}
              onChange={(next) => setChildren(children.map((c, j) => (j === i ? next : c)))}
              onRemove={() => (children.length > 1 ? setChildren(children.filter((_, j) => j !== i)) : onRemove())}
            />
          ))}
          <Button
            size="small"
            onClick={() => setChildren([...children, blankCondition('compare')])}
            aria-label={t('cond.add', { place })}
          >
            + {t('common.add')}
          </Button>
        </div>
      )}
      {value.op === 'not' && (
        <div className="auto-cond__children">
          <ConditionNode
            value={value.condition}
            path={`${path}.condition`}
            place={`${place}.1`}
            onChange={(condition) => onChange({ op: 'not', condition })}
            onRemove={onRemove}
          />
        </div>
      )}
    </div>
  );
}

/** The rule's condition tree, or none (every event matches). */
export function ConditionEditor({
  value,
  onChange,
}: {
  value: Condition | null;
  onChange: (next: Condition | null) => void;
}) {
  const { t } = useAutomationT();
  return (
    <section className="auto-section" aria-labelledby="auto-conditions">
      <h2 id="auto-conditions">{t('editor.conditionsSection')}</h2>
      {value ? (
        <>
          <ConditionNode
            value={value}
            onChange={onChange}
            onRemove={() => onChange(null)}
            path="conditions"
            place="1"
          />
          <p className="auto-field__hint">{t('cond.valueHint')}</p>
        </>
      ) : (
        <>
          <p className="auto-muted">{t('editor.noConditions')}</p>
          <Button onClick={() => onChange(blankCondition('and'))}>+ {t('editor.addConditions')}</Button>
        </>
      )}
    </section>
  );
}
