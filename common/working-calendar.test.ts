import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkday, localDate, nextStepTime, zonedInstant, type WorkingCalendar } from './working-calendar.ts';

const calendar = (zone: string, holidays: string[] = [], extraWorkdays: string[] = []): WorkingCalendar => ({
  zone,
  holidays: new Set(holidays),
  extraWorkdays: new Set(extraWorkdays),
});

const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC'];
const instant = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2028-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const time = fc
  .tuple(fc.integer({ min: 7, max: 20 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const day = fc
  .integer({ min: 0, max: 2000 })
  .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

/** Working days strictly after `from` up to and including `to` (local dates). */
function workdaysBetween(from: string, to: string, cal: WorkingCalendar): number {
  let n = 0;
  for (let d = from; d < to;) {
    d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (isWorkday(d, cal)) n++;
  }
  return n;
}

describe('working calendar', () => {
  it('lands on a working day, at the offset time, exactly N working days after the tap', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 15 }),
        time,
        fc.constantFrom(...zones),
        fc.array(day, { maxLength: 30 }),
        fc.array(day, { maxLength: 5 }),
        (from, workingDays, at, zone, holidays, extra) => {
          const cal = calendar(zone, holidays, extra);
          const next = nextStepTime(from, { workingDays, at }, cal);
          const date = localDate(next, zone);
          expect(next.getTime()).toBeGreaterThan(from.getTime());
          expect(isWorkday(date, cal)).toBe(true);
          expect(
            new Intl.DateTimeFormat('en-GB', {
              timeZone: zone,
              hour: '2-digit',
              minute: '2-digit',
              hourCycle: 'h23',
            }).format(next),
          ).toBe(at);
          expect(workdaysBetween(localDate(from, zone), date, cal)).toBe(workingDays);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never lands on a weekend or a holiday, and one more working day is later', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 10 }),
        time,
        fc.array(day, { maxLength: 40 }),
        (from, n, at, holidays) => {
          const cal = calendar('Asia/Shanghai', holidays);
          const a = nextStepTime(from, { workingDays: n, at }, cal);
          const b = nextStepTime(from, { workingDays: n + 1, at }, cal);
          for (const t of [a, b]) {
            const date = localDate(t, 'Asia/Shanghai');
            expect(holidays).not.toContain(date);
            expect([0, 6]).not.toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
          }
          // 0 days falls on the next working day when today is off or its time has passed, as 1 does
          if (n > 0) expect(b.getTime()).toBeGreaterThan(a.getTime());
          else expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('skips the weekend: Friday afternoon + 2 working days is Tuesday 10:00 Shanghai time', () => {
    const friday = new Date('2026-12-04T07:30:00Z'); // Fri 15:30 in Shanghai
    const next = nextStepTime(friday, { workingDays: 2, at: '10:00' }, calendar('Asia/Shanghai'));
    expect(next.toISOString()).toBe('2026-12-08T02:00:00.000Z');
  });

  it('skips holidays and works the extra working days', () => {
    const cal = calendar('Asia/Shanghai', ['2026-12-07'], ['2026-12-05']);
    const friday = new Date('2026-12-04T07:30:00Z');
    expect(nextStepTime(friday, { workingDays: 1, at: '09:00' }, cal).toISOString()).toBe('2026-12-05T01:00:00.000Z');
    expect(nextStepTime(friday, { workingDays: 2, at: '09:00' }, cal).toISOString()).toBe('2026-12-08T01:00:00.000Z');
  });

  it('0 working days is later today when the time is still ahead, else the next working day', () => {
    const cal = calendar('Asia/Shanghai');
    const morning = new Date('2026-12-03T00:30:00Z'); // Thu 08:30
    expect(nextStepTime(morning, { workingDays: 0, at: '17:00' }, cal).toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(nextStepTime(morning, { workingDays: 0, at: '08:00' }, cal).toISOString()).toBe('2026-12-04T00:00:00.000Z');
  });

  it('reads local times across daylight saving changes', () => {
    expect(zonedInstant('2026-03-30', '10:00', 'Europe/Berlin').toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(zonedInstant('2026-03-27', '10:00', 'Europe/Berlin').toISOString()).toBe('2026-03-27T09:00:00.000Z');
  });
});
