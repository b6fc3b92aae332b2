/**
 * The company's time zone (`settings.timeZone`): scheduled pulls and the company's cron jobs run
 * in it. Its own module: `tenant-settings.ts` is in the phone shell's chunk (a module's code goes to one
 * chunk), and the phone does not need this.
 */
export const defaultTimeZone = 'Asia/Shanghai';

/** An IANA zone name the runtime knows (Asia/Shanghai, Europe/Berlin, UTC); not an offset like +08:00. */
export function isIanaTimeZone(zone: string): boolean {
  if (zone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The company's time zone from its settings: the saved IANA name, else Asia/Shanghai. */
export function timeZoneOf(settings: unknown): string {
  const zone = (settings as { timeZone?: unknown } | null)?.timeZone;
  return typeof zone === 'string' && isIanaTimeZone(zone) ? zone : defaultTimeZone;
}
