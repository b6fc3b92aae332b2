import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Router from './router.tsx';
import type { HistoryEntry } from './router.tsx';

/**
 * navigate() against a minimal browser history (the suite runs in Node): the entries it writes
 * (key, position, caller's state) and the scroll position it saves for back/forward.
 */
class FakeHistory {
  entries: Array<{ state: unknown; url: string }> = [{ state: null, url: '/customers' }];
  index = 0;
  get state() {
    return this.entries[this.index]!.state;
  }
  get url() {
    return this.entries[this.index]!.url;
  }
  pushState(state: unknown, _title: string, url: string) {
    this.entries.splice(this.index + 1);
    this.entries.push({ state, url });
    this.index += 1;
  }
  replaceState(state: unknown, _title: string, url?: string) {
    this.entries[this.index] = { state, url: url ?? this.url };
  }
  go(delta: number) {
    this.index += delta;
  }
}

const history = new FakeHistory();
const storage = new Map<string, string>();
const fakeWindow = { history, scrollY: 0 };
const globals = globalThis as Record<string, unknown>;
let router: typeof Router;

beforeAll(async () => {
  Object.assign(globals, {
    window: fakeWindow,
    history,
    dispatchEvent: () => true,
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
  });
  router = await import('./router.tsx');
  history.replaceState({ key: 'first', idx: 0 } satisfies HistoryEntry, '');
});

afterAll(() => {
  for (const key of ['window', 'history', 'dispatchEvent', 'sessionStorage']) delete globals[key];
});

describe('navigate()', () => {
  it('pushes an entry with a fresh key, the next position and the caller state', () => {
    router.navigate('/customers/42', { state: { from: '/login' } });
    expect(history.url).toBe('/customers/42');
    expect(history.state).toEqual({ key: expect.any(String), idx: 1, usr: { from: '/login' } });
    expect((history.state as HistoryEntry).key).not.toBe('first');
    expect(router.currentEntry()).toEqual(history.state);
  });

  it('replaces the entry in place: same position, new key', () => {
    const before = history.state as HistoryEntry;
    router.navigate('/customers/43', { replace: true });
    expect(history.entries).toHaveLength(2);
    expect(history.state).toEqual({ key: expect.any(String), idx: before.idx, usr: undefined });
    expect((history.state as HistoryEntry).key).not.toBe(before.key);
  });

  it('saves the scroll position of the entry it leaves, by key, in sessionStorage', () => {
    const leaving = (history.state as HistoryEntry).key;
    fakeWindow.scrollY = 640;
    router.navigate('/contracts');
    expect(JSON.parse(storage.get('cairn.scroll')!)).toMatchObject({ first: 0, [leaving]: 640 });
    expect((history.state as HistoryEntry).idx).toBe(2);
  });

  it('moves through history by a number of steps', () => {
    router.navigate(-2);
    expect(history.url).toBe('/customers');
    expect(router.currentEntry()).toEqual({ key: 'first', idx: 0, usr: undefined });
  });
});
