import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConditions, evaluate, fillTemplate, unknownPlaceholders } from './conditions.ts';
import { callFields } from './inbound-triggers.ts';
import type { ValueKind } from './rule-fields.ts';
import type { Condition } from './rule-schemas.ts';
import { callRuleConditions } from '../seed/demo-automation.ts';

const call = (talkSeconds: number, extra: Record<string, unknown> = {}) => ({
  values: { status: 'answered', talkSeconds, customerId: '0190a1b2-0000-7000-8000-000000000001', ...extra },
});

describe('the demo call rule’s conditions', () => {
  it('match an answered call of more than 90 s to a known customer, and nothing at 90 s or less', () => {
    expect(evaluate(callRuleConditions, call(91)).result).toBe(true);
    expect(evaluate(callRuleConditions, call(90)).result).toBe(false);
    expect(evaluate(callRuleConditions, call(0)).result).toBe(false);
    expect(evaluate(callRuleConditions, call(300, { status: 'missed' })).result).toBe(false);
    expect(evaluate(callRuleConditions, call(300, { customerId: null })).result).toBe(false);
  });

  it('for any talk time, matches exactly when it is above 90 s (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400 }), (seconds) => {
        expect(evaluate(callRuleConditions, call(seconds)).result).toBe(seconds > 90);
      }),
    );
  });

  it('records every node’s result, leaves with the value they saw', () => {
    const { steps } = evaluate(callRuleConditions, call(90));
    expect(steps.map((s) => [s.path, s.result])).toEqual([
      ['$.all[0]', true],
      ['$.all[1]', false],
      ['$.all[2].condition', false],
      ['$.all[2]', true],
      ['$', false],
    ]);
    expect(steps[1]).toMatchObject({ op: 'compare', field: 'talkSeconds', actual: 90 });
  });
});

describe('condition operators', () => {
  const values = { level: 'A', amount: '1000.50', tags: ['vip', '华东'], note: '', signedAt: '2026-11-30T10:00:00Z' };
  const is = (c: Condition, before?: Record<string, unknown>) => evaluate(c, { values, before }).result;

  it('compares numbers as decimals, times as instants, and lists by membership', () => {
    expect(is({ op: 'compare', field: 'amount', cmp: 'gt', value: 1000.49 })).toBe(true);
    expect(is({ op: 'compare', field: 'amount', cmp: 'lte', value: '1000.5' })).toBe(true);
    expect(is({ op: 'compare', field: 'signedAt', cmp: 'lt', value: '2026-12-01T00:00:00+08:00' })).toBe(true);
    expect(is({ op: 'compare', field: 'tags', cmp: 'eq', value: 'vip' })).toBe(true);
    expect(is({ op: 'in', field: 'level', values: ['B', 'A'] })).toBe(true);
    expect(is({ op: 'isEmpty', field: 'note' })).toBe(true);
    expect(is({ op: 'isEmpty', field: 'missing' })).toBe(true);
    expect(is({ op: 'compare', field: 'missing', cmp: 'gt', value: 1 })).toBe(false);
  });

  it('changed is true only for a field the update changed, from and to the given values', () => {
    expect(is({ op: 'changed', field: 'level' })).toBe(false); // not an update
    expect(is({ op: 'changed', field: 'level' }, { amount: '1' })).toBe(false); // another field changed
    expect(is({ op: 'changed', field: 'level', to: 'A' }, { level: 'B' })).toBe(true);
    expect(is({ op: 'changed', field: 'level', from: 'C', to: 'A' }, { level: 'B' })).toBe(false);
    expect(is({ op: 'not', condition: { op: 'changed', field: 'level', to: 'B' } }, { level: 'C' })).toBe(true);
  });
});

describe('save-time checks', () => {
  const fields = new Map<string, ValueKind>(Object.entries(callFields));
  const paths = (c: Condition, changes = false) => {
    try {
      checkConditions(c, fields, { changes });
      return [];
    } catch (error) {
      return (error as { details: { fields: Array<{ path: string }> } }).details.fields.map((f) => f.path);
    }
  };

  it('name each problem by its place in the tree', () => {
    expect(paths(callRuleConditions)).toEqual([]);
    expect(
      paths({
        op: 'or',
        any: [
          { op: 'compare', field: 'talkSecs', cmp: 'gt', value: 90 },
          { op: 'compare', field: 'talkSeconds', cmp: 'gt', value: 'long' },
          { op: 'compare', field: 'matched', cmp: 'gt', value: true },
          { op: 'not', condition: { op: 'changed', field: 'status', to: 'answered' } },
          { op: 'in', field: 'startedAt', values: ['2026-11-30T10:00:00Z', 'soon'] },
        ],
      }),
    ).toEqual([
      'conditions.any.0.field',
      'conditions.any.1.value',
      'conditions.any.2.cmp',
      'conditions.any.3.condition.op',
      'conditions.any.4.values.1',
    ]);
  });

  it('templates: placeholders are filled from the values and checked against the fields', () => {
    expect(
      fillTemplate('通话 {{talkSeconds}} 秒，录音 {{ recordingUrl }}', { talkSeconds: 95, recordingUrl: null }),
    ).toBe('通话 95 秒，录音 ');
    expect(unknownPlaceholders('{{talkSeconds}} {{nope}} {{customerId}}', fields)).toEqual(['nope']);
  });
});
