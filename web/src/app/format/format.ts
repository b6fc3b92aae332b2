import { useMemo } from 'react';
import { useTranslation } from '../i18n/index.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface Formatters {
  /** Calendar date; `YYYY-MM-DD` values are shown as-is in every time zone. */
  date(value: string | null | undefined): string | null;
  dateTime(value: string | null | undefined): string | null;
  /** Decimal-string amount with its currency symbol, e.g. ¥12,800.00 / CN¥12,800.00. */
  money(amount: string | number | null | undefined, currency: string | null | undefined): string | null;
  /** A rate as the API sends it, e.g. "0.13" → 13%. */
  percent(rate: string | number | null | undefined): string | null;
  /** "3 天前" / "in 2 days" for timestamps near now, else the date. */
  relative(value: string | null | undefined): string | null;
  fileSize(bytes: number | null | undefined): string | null;
}

function parseDate(value: string): Date | null {
  const date = DATE_ONLY.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function createFormatters(locale: string): Formatters {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const utcDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const moneyFormats = new Map<string, Intl.NumberFormat | null>();
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const sizeFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

  const moneyFormat = (currency: string) => {
    if (!moneyFormats.has(currency)) {
      let format: Intl.NumberFormat | null;
      try {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      } catch {
        format = null; // not an ISO 4217 code
      }
      moneyFormats.set(currency, format);
    }
    return moneyFormats.get(currency) ?? null;
  };

  const formatDate = (value: string | null | undefined) => {
    if (!value) return null;
    const parsed = parseDate(value);
    if (!parsed) return value;
    return (DATE_ONLY.test(value) ? utcDate : date).format(parsed);
  };

  // Plain closures (no `this`), so callers may destructure.
  return {
    date: formatDate,
    dateTime(value) {
      if (!value || DATE_ONLY.test(value)) return formatDate(value);
      const parsed = parseDate(value);
      return parsed ? dateTime.format(parsed) : value;
    },
    money(amount, currency) {
      if (amount === null || amount === undefined || amount === '') return null;
      // Strings go to Intl as-is: engines with Intl.NumberFormat v3 keep every digit of the decimal.
      const numeric = (typeof amount === 'number' ? amount : amount.trim()) as number | `${number}`;
      const format = currency ? moneyFormat(currency) : null;
      if (format) return format.format(numeric);
      const text = plain.format(numeric);
      return currency ? `${text} ${currency}` : text;
    },
    relative(value) {
      if (!value) return null;
      const parsed = parseDate(value);
      if (!parsed) return value;
      const minutes = Math.round((parsed.getTime() - Date.now()) / 60_000);
      const abs = Math.abs(minutes);
      if (abs < 60) return relativeFormat.format(minutes, 'minute');
      if (abs < 24 * 60) return relativeFormat.format(Math.round(minutes / 60), 'hour');
      if (abs < 30 * 24 * 60) return relativeFormat.format(Math.round(minutes / (24 * 60)), 'day');
      return formatDate(value);
    },
    fileSize(bytes) {
      if (bytes === null || bytes === undefined) return null;
      if (bytes < 1024) return `${bytes} B`;
      if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
      return `${sizeFormat.format(bytes / 1024 / 1024)} MB`;
    },
    percent(rate) {
      if (rate === null || rate === undefined || rate === '') return null;
      const value = Number(rate);
      if (!Number.isFinite(value)) return String(rate);
      return percent.format(value);
    },
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => createFormatters(i18n.language), [i18n.language]);
}

/** `tel:` link target without the spaces and dashes people type. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
