import { dateHasTime } from '../../common/channel-mapping.ts';

/**
 * Date parsing for channel mappings. A format is `iso` (ISO 8601), `unix` (seconds), `unixms`,
 * or a pattern of YYYY MM DD HH mm ss with any separators (`YYYY/MM/DD`, `DD.MM.YYYY HH:mm`,
 * `YYYYMMDD`, `YYYY年MM月DD日`). Times without an offset are China time (UTC+8).
 */
export { dateHasTime };

const TOKENS = /YYYY|MM|DD|HH|mm|ss/g;

function patternOf(format: string): { regex: RegExp; fields: string[] } {
  const fields: string[] = [];
  let source = '';
  let last = 0;
  for (const m of format.matchAll(TOKENS)) {
    source += format.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    source += m[0] === 'YYYY' ? '(\\d{4})' : '(\\d{1,2})';
    fields.push(m[0]);
    last = m.index + m[0].length;
  }
  source += format.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // adjacent numeric tokens (YYYYMMDD) must take two digits each
  source = source.replace(/\(\\d\{1,2\}\)(?=\()/g, '(\\d{2})').replace(/(?<=\))\(\\d\{1,2\}\)/g, '(\\d{2})');
  return { regex: new RegExp(`^${source}$`), fields };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` for date formats, an ISO instant for formats with a time; undefined when none matches. */
export function parseDate(value: string, formats: string[]): string | undefined {
  const text = value.trim();
  for (const format of formats) {
    if (format === 'iso') {
      const ms = Date.parse(text);
      if (!Number.isNaN(ms) && /^\d{4}-\d{2}-\d{2}/.test(text)) return new Date(ms).toISOString();
      continue;
    }
    if (format === 'unix' || format === 'unixms') {
      if (!/^\d{9,13}$/.test(text)) continue;
      return new Date(Number(text) * (format === 'unix' ? 1000 : 1)).toISOString();
    }
    const { regex, fields } = patternOf(format);
    const m = regex.exec(text);
    if (!m) continue;
    const part: Record<string, number> = { YYYY: 0, MM: 1, DD: 1, HH: 0, mm: 0, ss: 0 };
    fields.forEach((f, i) => (part[f] = Number(m[i + 1])));
    const { YYYY: y, MM: mo, DD: d, HH: h, mm: mi, ss: s } = part as Record<string, number>;
    const check = new Date(Date.UTC(y!, mo! - 1, d!));
    if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h! > 23 || mi! > 59 || s! > 59) continue;
    if (!dateHasTime(format)) return `${pad(y!, 4)}-${pad(mo!)}-${pad(d!)}`;
    return new Date(`${pad(y!, 4)}-${pad(mo!)}-${pad(d!)}T${pad(h!)}:${pad(mi!)}:${pad(s!)}+08:00`).toISOString();
  }
  return undefined;
}
