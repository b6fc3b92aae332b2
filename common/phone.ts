import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Normalises a phone number as entered (Chinese numbers without a country code are assumed)
 * to E.164. Returns undefined when the text is not a valid phone number.
 */
export function toE164(entered: string, defaultCountry: 'CN' = 'CN'): string | undefined {
  const trimmed = entered.trim();
  if (!trimmed) return undefined;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (!parsed || !parsed.isValid()) return undefined;
  return parsed.number;
}

/** Masks the middle of a phone number for logs and restricted views: 138****1234. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const local = digits.startsWith('86') && digits.length === 13 ? digits.slice(2) : digits;
  if (local.length < 7) return '****';
  return `${local.slice(0, 3)}****${local.slice(-4)}`;
}
