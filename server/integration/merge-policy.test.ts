import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmptyValue, shouldWrite, type Incoming, type MergePolicy, type Setter } from './merge-policy.ts';

/** Applies a sequence of updates to one field the way the intake does, returning value and setter. */
function run(policy: MergePolicy, updates: Incoming[], start: unknown = null) {
  let value: unknown = start;
  let setter: Setter | undefined;
  for (const u of updates) {
    if (shouldWrite(policy, 'mainPhone', value, setter, u)) {
      value = u.value;
      setter = { channelId: u.channelId, channelKey: u.channelKey, at: u.at };
    }
  }
  return { value, setter };
}

const channels = ['web-form', 'crm-import', 'erp'];
const value = fc.oneof(fc.constantFrom(null, '', '  ', undefined), fc.stringMatching(/^1[3-9]\d{9}$/));
const update = fc.record({
  value,
  channelId: fc.constantFrom(...channels),
  at: fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Date(1_700_000_000_000 + n * 1000)),
});
const updates = fc.array(update, { maxLength: 12 });

describe('merge policies (property tests)', () => {
  it('non-null wins: an empty upstream value never replaces a stored one, a non-empty one always does', () => {
    fc.assert(
      fc.property(updates, (list) => {
        const { value: result } = run({ default: 'nonNullWins' }, list);
        const nonEmpty = list.filter((u) => !isEmptyValue(u.value));
        if (nonEmpty.length === 0) expect(isEmptyValue(result)).toBe(true);
        else expect(result).toEqual(nonEmpty.at(-1)!.value);
      }),
    );
  });

  it('always overwrite: the last mapped value stands, empty or not', () => {
    fc.assert(
      fc.property(updates, (list) => {
        const mapped = list.filter((u) => u.value !== undefined);
        const { value: result } = run({ default: 'alwaysOverwrite' }, list);
        expect(result ?? null).toEqual(mapped.length ? (mapped.at(-1)!.value ?? null) : null);
      }),
    );
  });

  it('newest wins: the outcome is the newest non-empty value, in whatever order the updates arrive', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(update, { selector: (u) => u.at.getTime(), maxLength: 10 }),
        fc.func(fc.integer()),
        (list, shuffleKey) => {
          const shuffled = [...list].sort((a, b) => shuffleKey(a.at.getTime()) - shuffleKey(b.at.getTime()));
          const nonEmpty = list.filter((u) => !isEmptyValue(u.value)).sort((a, b) => a.at.getTime() - b.at.getTime());
          const expected = nonEmpty.length ? nonEmpty.at(-1)!.value : null;
          expect(run({ default: 'newestWins' }, shuffled).value).toEqual(expected);
          expect(run({ default: 'newestWins' }, list).value).toEqual(expected);
        },
      ),
    );
  });

  it('source priority: the value comes from the highest-ranked source that sent one (its latest)', () => {
    fc.assert(
      fc.property(updates, fc.shuffledSubarray(channels, { minLength: 1 }), (list, priority) => {
        const rank = (c: string) => (priority.includes(c) ? priority.indexOf(c) : priority.length);
        const nonEmpty = list.filter((u) => !isEmptyValue(u.value));
        const { value: result } = run({ default: 'sourcePriority', priority }, list);
        if (nonEmpty.length === 0) {
          expect(isEmptyValue(result)).toBe(true);
          return;
        }
        const best = Math.min(...nonEmpty.map((u) => rank(u.channelId)));
        const fromBest = nonEmpty.filter((u) => rank(u.channelId) === best);
        expect(result).toEqual(fromBest.at(-1)!.value);
      }),
    );
  });

  it('every policy is idempotent: the same update twice is the same as once', () => {
    const policies: MergePolicy[] = [
      { default: 'nonNullWins' },
      { default: 'newestWins' },
      { default: 'alwaysOverwrite' },
      { default: 'sourcePriority', priority: ['erp', 'web-form'] },
    ];
    fc.assert(
      fc.property(updates, update, fc.constantFrom(...policies), (list, extra, policy) => {
        expect(run(policy, [...list, extra, extra]).value).toEqual(run(policy, [...list, extra]).value);
      }),
    );
  });

  it('a per-field override beats the channel default', () => {
    const policy: MergePolicy = { default: 'nonNullWins', fields: { mainPhone: 'alwaysOverwrite' } };
    const at = new Date();
    expect(shouldWrite(policy, 'mainPhone', '13800138000', undefined, { value: null, channelId: 'c', at })).toBe(true);
    expect(shouldWrite(policy, 'name', '甲', undefined, { value: null, channelId: 'c', at })).toBe(false);
  });
});
