/**
 * The company's working calendar: Monday to Friday, minus its holidays, plus its extra working
 * days (调休 Saturdays), read in the company's time zone. A smart button's next step lands on
 * "N working days later at HH:MM" of that calendar.
 */
export interface WorkingCalendar {
  zone: string;
  /** Local dates (YYYY-MM-DD) that are not worked although they are weekdays. */
  holidays: ReadonlySet<string>;
  /** Local dates (YYYY-MM-DD) that are worked although they fall on a weekend. */
  extraWorkdays: ReadonlySet<string>;
}

export interface NextStepOffset {
  /** Working days after the day of the tap (0: the same day if it is a working day and the time is still ahead). */
  workingDays: number;
  /** Local time of day, HH:MM. */
  at: string;
}

const DAY = 86_400_000;

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant of a local date and time of day in a zone (a time skipped by a DST jump moves forward). */
export function zonedInstant(date: string, at: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = at.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - offsetMinutes(wall, zone) * 60_000;
  guess = wall - offsetMinutes(guess, zone) * 60_000;
  return new Date(guess);
}

/** A calendar date (YYYY-MM-DD) `days` later (earlier when negative). */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export function isWorkday(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.extraWorkdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** At most this many calendar days are searched for a working day (a calendar with none fails). */
const SEARCH_LIMIT = 3 * 366;

/** The next step of a tap at `from`: `workingDays` working days later, at the offset's time, in the company's zone. */
export function nextStepTime(from: Date, offset: NextStepOffset, calendar: WorkingCalendar): Date {
  let date = localDate(from, calendar.zone);
  if (offset.workingDays === 0 && isWorkday(date, calendar) && zonedInstant(date, offset.at, calendar.zone) > from)
    return zonedInstant(date, offset.at, calendar.zone);
  let left = Math.max(offset.workingDays, 1);
  for (let i = 0; i < SEARCH_LIMIT + offset.workingDays * 7; i++) {
    date = addDays(date, 1);
    if (isWorkday(date, calendar) && --left === 0) return zonedInstant(date, offset.at, calendar.zone);
  }
  throw new Error('the working calendar has no working day in reach');
}
