import { describe, expect, it } from 'vitest';
import { blankCondition, draftOf, formatScalar, parseScalar, problemsByPath, triggerTopic } from './rule-model.ts';

describe('the rule editor model', () => {
  it('types what was typed, and formats it back to the same value', () => {
    expect(parseScalar('90')).toBe(90);
    expect(parseScalar('-1.5')).toBe(-1.5);
    expect(parseScalar('true')).toBe(true);
    expect(parseScalar('null')).toBeNull();
    expect(parseScalar('"100"')).toBe('100');
    expect(parseScalar('深度沟通')).toBe('深度沟通');
    expect(parseScalar('12345678901234567890')).toBe('12345678901234567890');
    for (const value of ['100', 'true', 'x', 100, false, null, '', '"q"'] as const)
      expect(parseScalar(formatScalar(value))).toEqual(value);
  });

  it('keys the server problems by place, zod dots and step brackets alike', () => {
    const byPath = problemsByPath([
      { path: 'conditions.all.1.value', message: 'does not fit' },
      { path: 'conditions.all[1].value', message: 'again' },
      { path: 'name', message: 'is required' },
    ]);
    expect(byPath.get('conditions.all.1.value')).toBe('does not fit; again');
    expect(byPath.get('name')).toBe('is required');
  });

  it('starts groups with one leaf and a new rule on customer creation', () => {
    expect(blankCondition('and')).toEqual({ op: 'and', all: [{ op: 'compare', field: '', cmp: 'eq', value: '' }] });
    expect(blankCondition('not', 'x')).toEqual({ op: 'not', condition: blankCondition('compare') });
    const draft = draftOf();
    expect(draft.trigger).toEqual({ type: 'record', object: 'customer', on: 'created' });
    expect(draft.actions).toHaveLength(1);
    expect(triggerTopic({ type: 'record', object: 'opportunity', on: 'updated', fields: ['stage'] })).toBe(
      'opportunity.updated (stage)',
    );
    expect(triggerTopic({ type: 'relative', object: 'contract', field: 'endDate', offsetDays: -7, at: '09:00' })).toBe(
      'contract.endDate -7d 09:00',
    );
  });
});
