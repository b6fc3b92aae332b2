import { describe, expect, it } from 'vitest';
import { checkRows, parseEnumMap, parseSample, rowsOf, transformFor, enumMapText } from './mapping-model.ts';

describe('the channel editor mapping model', () => {
  it('runs the save-time check on every edit and puts each problem on its row', () => {
    const rows = rowsOf([
      { source: 'company', target: 'name' },
      { source: 'mobile', target: 'custom.amount' },
      { source: '', target: 'nowhere' },
    ]);
    const checked = checkRows(rows, [{ key: 'amount', type: 'number', options: [] }]);
    expect(checked.byRow.has(0)).toBe(false);
    expect(checked.byRow.get(1)).toEqual([
      expect.objectContaining({
        kind: 'lossy',
        target: 'custom.amount',
        message: expect.stringMatching(/leading zeros/),
      }),
    ]);
    expect(checked.byRow.get(2)!.map((p) => p.kind)).toEqual(['invalid', 'invalid']);
    expect(checked.count).toBe(3);
  });

  it('knows custom fields only once they are defined', () => {
    const rows = rowsOf([{ source: 'budget', target: 'custom.budget', transforms: [{ op: 'number' }] }]);
    expect(checkRows(rows, []).count).toBe(1);
    expect(checkRows(rows, [{ key: 'budget', type: 'money', options: [] }]).count).toBe(0);
  });

  it('keeps a transform’s parameters when the list of transforms changes', () => {
    const date = { op: 'date' as const, formats: ['YYYY/MM/DD'] };
    expect(transformFor('date', [{ op: 'trim' }, date])).toBe(date);
    expect(transformFor('date')).toEqual({ op: 'date', formats: ['iso'] });
    expect(transformFor('trim')).toEqual({ op: 'trim' });
  });

  it('reads an enum map from from=to lines and writes it back', () => {
    const map = parseEnumMap('官网=website\n展会 = exhibition\nno equals sign\n');
    expect(map).toEqual({ 官网: 'website', 展会: 'exhibition' });
    expect(parseEnumMap(enumMapText(map))).toEqual(map);
  });

  it('takes one JSON object or an array of objects as a dry-run sample', () => {
    expect(parseSample('{"company":"甲"}')).toEqual([{ company: '甲' }]);
    expect(parseSample('[{"a":1},{"b":2}]')).toHaveLength(2);
    expect(parseSample('[1]')).toBeUndefined();
    expect(parseSample('[]')).toBeUndefined();
    expect(parseSample('{oops')).toBeUndefined();
  });
});
