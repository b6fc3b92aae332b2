import type { OutboxEntry, OutboxStore } from './types.ts';

export const MIRROR_KEY = 'cairn.outbox';

export function readMirror(): OutboxEntry[] {
  try {
    const raw = localStorage.getItem(MIRROR_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
  } catch {
    return [];
  }
}

export function clearMirror() {
  try {
    localStorage.removeItem(MIRROR_KEY);
  } catch {
    /* disabled: nothing was mirrored */
  }
}

/**
 * The fallback outbox: entries in memory, every change mirrored to localStorage so a reload (or
 * the forced upgrade) keeps them. Plain JSON only; attachments never go in here.
 */
export class MemoryStore implements OutboxStore {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, OutboxEntry>();

  constructor(seed: readonly OutboxEntry[] = []) {
    for (const entry of [...readMirror(), ...seed]) this.entries.set(entry.id, entry);
    this.mirror();
  }

  private mirror() {
    try {
      localStorage.setItem(MIRROR_KEY, JSON.stringify([...this.entries.values()]));
    } catch {
      /* full or disabled: memory still holds them for this page */
    }
  }

  all(): Promise<OutboxEntry[]> {
    return Promise.resolve([...this.entries.values()].sort((a, b) => a.seq - b.seq));
  }

  put(entry: OutboxEntry): Promise<void> {
    this.entries.set(entry.id, entry);
    this.mirror();
    return Promise.resolve();
  }

  remove(id: string): Promise<void> {
    this.entries.delete(id);
    this.mirror();
    return Promise.resolve();
  }
}
