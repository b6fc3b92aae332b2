/**
 * A small deterministic pseudo-random generator (mulberry32) for seed data. Everything the
 * seed produces except ids must come from here, so the same seed yields the same data.
 */
export type Weighted<T> = readonly (readonly [value: T, weight: number])[];

const DAY_MS = 86_400_000;

/** Weights for every member of a value set; the record type makes sure none is left out. */
export function weightsFor<K extends string>(values: readonly K[], weights: Record<K, number>): Weighted<K> {
  return values.map((value) => [value, weights[value]] as const);
}

/** FNV-1a over UTF-16 code units: turns a label into a 32-bit seed. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Random {
  private state: number;

  constructor(private readonly seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  }

  /** An independent stream for one part of the data: changing one part leaves the others alone. */
  derive(label: string): Random {
    return new Random(`${this.seed}/${label}`);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(entries: Weighted<T>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /**
   * The i-th value of a generated series: the first rows walk through every value once, so
   * small data sets still cover the whole value set; later rows follow the weights.
   */
  covering<T>(index: number, entries: Weighted<T>): T {
    return index < entries.length ? entries[index]![0] : this.weighted(entries);
  }

  /** `count` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }

  /** A string of `length` decimal digits. */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }

  /** A moment in [start, end), to the second. */
  dateBetween(start: Date, end: Date): Date {
    const span = Math.max(0, end.getTime() - start.getTime());
    return new Date(Math.floor((start.getTime() + this.next() * span) / 1000) * 1000);
  }

  /** A moment between `fromDays` and `toDays` days after `anchor` (negative = before). */
  daysAround(anchor: Date, fromDays: number, toDays: number): Date {
    return this.dateBetween(addDays(anchor, fromDays), addDays(anchor, toDays));
  }
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving) as YYYY-MM-DD. */
export function shanghaiDate(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Moves a moment into Shanghai working hours (09:00–18:59) of the same Shanghai day. */
export function duringWorkingHours(date: Date, random: Random): Date {
  const day = shanghaiDate(date);
  const hour = random.int(9, 18);
  const minute = random.int(0, 59);
  return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}
