/**
 * Generators of realistic Chinese business data: people, companies, phone numbers, unified
 * social credit codes, e-mail addresses and WeCom ids. All randomness comes from `Random`.
 */
import { creditCodeCheckChar } from '../../common/credit-code.ts';
import { toE164 } from '../../common/phone.ts';
import {
  brandWords,
  cities,
  companySuffixes,
  jobTitles,
  mobilePrefixes,
  surnames,
  givenNameChars,
  type City,
} from './chinese-vocabulary.ts';
import { industries, type Industry } from './chinese-industries.ts';
import type { Random } from './random.ts';

export { customerTags } from './chinese-vocabulary.ts';
export type { City } from './chinese-vocabulary.ts';
export type { Industry } from './chinese-industries.ts';

export interface PersonName {
  name: string;
  /** ASCII romanisation, e.g. `zhang` and `wei`, for e-mail addresses. */
  romanSurname: string;
  romanGiven: string;
}

const surnameWeights = surnames.map(([surname, roman, weight]) => [[surname, roman] as const, weight] as const);

export function personName(random: Random): PersonName {
  const [surname, romanSurname] = random.weighted(surnameWeights);
  const chars = random.chance(0.3)
    ? [random.pick(givenNameChars)]
    : [random.pick(givenNameChars), random.pick(givenNameChars)];
  return {
    name: surname + chars.map(([char]) => char).join(''),
    romanSurname,
    romanGiven: chars.map(([, roman]) => roman).join(''),
  };
}

export const jobTitle = (random: Random): string => random.weighted(jobTitles);

/** A phone number as a person would type it, with its E.164 form. */
export interface PhoneNumber {
  entered: string;
  e164: string;
}

/** Eleven digits of a mainland mobile number. */
function mobileDigits(random: Random): string {
  return random.pick(mobilePrefixes) + random.digits(8);
}

/** The many ways people type the same mobile number. */
function enterMobile(random: Random, digits: string): string {
  const style = random.weighted([
    ['plain', 6],
    ['spaced', 2],
    ['dashed', 1],
    ['international', 1],
  ] as const);
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)];
  if (style === 'spaced') return `${a} ${b} ${c}`;
  if (style === 'dashed') return `${a}-${b}-${c}`;
  if (style === 'international') return `+86 ${a} ${b} ${c}`;
  return digits;
}

function enterLandline(random: Random, city: City): string {
  const local = random.pick([...city.landlineFirstDigits]) + random.digits(city.landlineLength - 1);
  const style = random.weighted([
    ['dashed', 6],
    ['spaced', 2],
    ['parenthesised', 1],
  ] as const);
  if (style === 'spaced') return `${city.areaCode} ${local.slice(0, 4)} ${local.slice(4)}`;
  if (style === 'parenthesised') return `(${city.areaCode})${local}`;
  return `${city.areaCode}-${local}`;
}

/**
 * Draws numbers until one is valid and not in `used` (E.164 forms), then records it there.
 * With `used` omitted, numbers may repeat (contacts sharing a switchboard, say).
 */
function drawPhone(draw: () => string, used?: Set<string>): PhoneNumber {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const entered = draw();
    const e164 = toE164(entered);
    if (!e164 || used?.has(e164)) continue;
    used?.add(e164);
    return { entered, e164 };
  }
  throw new Error('could not draw a unique valid phone number');
}

export const mobilePhone = (random: Random, used?: Set<string>): PhoneNumber =>
  drawPhone(() => enterMobile(random, mobileDigits(random)), used);

export const landlinePhone = (random: Random, city: City, used?: Set<string>): PhoneNumber =>
  drawPhone(() => enterLandline(random, city), used);

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of a GB 11714 organisation code over its first eight characters. */
function organisationCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const char = body[i]!;
    const value = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55; // A = 10
    sum += value * ORG_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A valid 18-character unified social credit code for an enterprise (`91`) registered in
 * `city`: division code, a GB 11714 organisation code (new `MA…` style or legacy digits),
 * then the GB 32100 check character. Unique within `used`.
 */
export function creditCode(random: Random, city: City, used: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let body = random.chance(0.7) ? 'MA' : random.pick(['0', '1', '3', '5', '6', '7']);
    while (body.length < 8) body += random.chance(0.7) ? random.digits(1) : random.pick([...CODE_ALPHABET.slice(10)]);
    const first17 = `91${city.division}${body}${organisationCheckChar(body)}`;
    const code = first17 + creditCodeCheckChar(first17)!;
    if (used.has(code)) continue;
    used.add(code);
    return code;
  }
  throw new Error('could not draw a unique credit code');
}

export interface Company {
  name: string;
  shortName: string;
  city: City;
  industry: Industry;
  /** An e-mail domain such as `huaxin-mfg-sh.com.cn`. */
  domain: string;
}

/** Names companies, keeping every full name unique within one tenant. */
export class CompanyNamer {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  next(): Company {
    const random = this.random;
    const city = random.weighted(cities);
    const industry = random.weighted(industries);
    const [brand, romanBrand] = random.pick(brandWords);
    const [word, shortWord] = random.pick(industry.words);
    let suffix = random.weighted(companySuffixes);
    if (suffix === '科技有限公司' && word.endsWith('科技')) suffix = '有限公司';
    const base = `${city.name}${brand}${word}`;
    const name = this.distinct(base, suffix);
    return {
      name,
      shortName: `${brand}${shortWord}`,
      city,
      industry,
      domain: `${romanBrand}-${industry.tag}-${city.tag}.${random.pick(['com.cn', 'com.cn', 'cn', 'com'])}`,
    };
  }

  /** On a collision, first tries a branch office, then a numbered one. */
  private distinct(base: string, suffix: string): string {
    const candidates = [`${base}${suffix}`];
    for (const branch of cities) candidates.push(`${base}${suffix}${branch[0].name}分公司`);
    for (let n = 2; candidates.length < 200; n++) candidates.push(`${base}${suffix}第${n}分公司`);
    const name = candidates.find((candidate) => !this.used.has(candidate))!;
    this.used.add(name);
    return name;
  }
}

/** `zhang.wei@domain`; a repeated address in the same company gets a number. */
export function emailAddress(person: PersonName, domain: string, used: Set<string>): string {
  const local = `${person.romanSurname}.${person.romanGiven}`;
  let address = `${local}@${domain}`;
  for (let n = 2; used.has(address); n++) address = `${local}${n}@${domain}`;
  used.add(address);
  return address;
}

/** A WeCom external contact id (`wm` + 28 characters), as the WeCom API hands them out. */
export function wecomExternalId(random: Random): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let id = 'wm';
  while (id.length < 30) id += chars[random.int(0, chars.length - 1)];
  return id;
}
