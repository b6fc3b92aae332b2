import enUS from '../../web/src/app/i18n/messages/en-US.core.ts';
import zhCN, { type CoreMessages } from '../../web/src/app/i18n/messages/zh-CN.core.ts';
import type { LiteCardData } from './lite-card.ts';

/**
 * The phone customer page's first screen as HTML, the same markup MobileLayout and
 * MobileCustomerDetailPage render (class names, element order, labels from the app's own
 * message files in the user's language), so when React replaces it nothing moves. Every value is
 * escaped; no scripts.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export type CardLanguage = 'zh-CN' | 'en-US';
export const CARD_LANGUAGES: readonly CardLanguage[] = ['zh-CN', 'en-US'];
const catalogs: Record<CardLanguage, CoreMessages> = { 'zh-CN': zhCN, 'en-US': enUS as CoreMessages };

// web/src/app/ui/EnumTags.tsx
const levelTones: Record<string, string> = { A: 'red', B: 'orange', C: 'blue', D: 'grey' };
const statusTones: Record<string, string> = { active: 'green', dormant: 'gold', lost: 'grey' };

/** A language's labels and formats, as the app's own message file and web/src/app/format give them. */
interface Wording {
  m: CoreMessages;
  labels: Record<string, string>;
  dateTime: Intl.DateTimeFormat;
  date: Intl.DateTimeFormat;
  relative: Intl.RelativeTimeFormat;
}

function wordingOf(language: CardLanguage): Wording {
  const m = catalogs[language];
  const f = m.customer.fields;
  return {
    m,
    labels: {
      name: f.name,
      shortName: f.shortName,
      creditCode: f.creditCode,
      industry: f.industry,
      level: f.level,
      source: f.source,
      region: f.region,
      mainPhone: f.mainPhone,
      ownerId: f.owner,
      status: f.status,
      tags: f.tags,
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
      lastFollowupAt: f.lastFollowupAt,
    },
    dateTime: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
    date: new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
    relative: new Intl.RelativeTimeFormat(language, { numeric: 'auto' }),
  };
}
const wordings = new Map(CARD_LANGUAGES.map((language) => [language, wordingOf(language)]));

function formatDateTime(w: Wording, value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : w.dateTime.format(date);
}

/** As web/src/app/format/format.ts `relative`. */
function formatRelative(w: Wording, value: string, now = Date.now()): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const minutes = Math.round((date.getTime() - now) / 60_000);
  const abs = Math.abs(minutes);
  if (abs < 60) return w.relative.format(minutes, 'minute');
  if (abs < 24 * 60) return w.relative.format(Math.round(minutes / 60), 'hour');
  if (abs < 30 * 24 * 60) return w.relative.format(Math.round(minutes / (24 * 60)), 'day');
  return w.date.format(date);
}

const tag = (tone: string | undefined, text: string) =>
  `<span class="tag tag--${tone ?? 'grey'}">${escapeHtml(text)}</span>`;
const enumLabel = (set: Record<string, string>, value: unknown) =>
  typeof value === 'string' ? (set[value] ?? value) : null;

/** A field's value as HTML (already escaped), or null for "—"; mirrors useCustomerFieldView().value. */
function valueHtml(w: Wording, field: string, card: LiteCardData): string | null {
  const { m } = w;
  const c = card.customer;
  const raw = field.startsWith('custom.')
    ? (c.custom as Record<string, unknown> | undefined)?.[field.slice(7)]
    : c[field];
  switch (field) {
    case 'ownerId':
      return card.ownerName ? escapeHtml(card.ownerName) : null;
    case 'mainPhone': {
      if (typeof raw !== 'string' || !raw) return null;
      const label = m.detail.callPhone.replace('{phone}', raw);
      return `<a href="tel:${escapeHtml(raw.replace(/[^\d+]/g, ''))}" class="tap-target" aria-label="${escapeHtml(label)}">${escapeHtml(raw)}</a>`;
    }
    case 'level': {
      const label = enumLabel(m.enum.level, raw);
      return label ? tag(levelTones[raw as string], label) : null;
    }
    case 'status': {
      const label = enumLabel(m.enum.customerStatus, raw);
      return label ? tag(statusTones[raw as string], label) : null;
    }
    case 'source': {
      const label = enumLabel(m.enum.customerSource, raw);
      return label ? escapeHtml(label) : null;
    }
    case 'tags':
      return Array.isArray(raw) && raw.length ? raw.map((t) => tag('grey', String(t))).join('') : null;
    case 'lastFollowupAt': {
      const at = card.lastFollowupAt;
      return at
        ? `<time datetime="${escapeHtml(at)}" title="${escapeHtml(formatDateTime(w, at))}">${escapeHtml(formatRelative(w, at))}</time>`
        : escapeHtml(m.detail.noFollowupYet);
    }
    case 'createdAt':
    case 'updatedAt':
      return typeof raw === 'string' ? escapeHtml(formatDateTime(w, raw)) : null;
    default:
      if (raw === null || raw === undefined || raw === '') return null;
      return escapeHtml(typeof raw === 'object' ? JSON.stringify(raw) : String(raw));
  }
}

/** The card's markup (inside #root). `data-first-paint` names the customer; the app replaces all of it. */
export function renderLiteCard(card: LiteCardData, cardLanguage: CardLanguage = 'zh-CN'): string {
  const w = wordings.get(cardLanguage)!;
  const { m } = w;
  const name = typeof card.customer.name === 'string' ? card.customer.name : '';
  const items = card.liteFields
    .filter((field) => field !== 'name')
    .map((field) => {
      const label = w.labels[field] ?? field.replace(/^custom\./, '');
      const value = valueHtml(w, field, card) ?? escapeHtml(m.common.none);
      return `<div class="lite-fields__item" data-testid="lite-field-${escapeHtml(field)}"><dt>${escapeHtml(label)}</dt><dd>${value}</dd></div>`;
    })
    .join('');
  const initial = card.userName.slice(0, 1).toUpperCase();
  return [
    `<div class="m-shell first-paint" data-first-paint="${escapeHtml(card.customerId)}">`,
    `<a href="#main" class="skip-link">${escapeHtml(m.nav.skip)}</a>`,
    `<header class="m-header"><span class="brand">${escapeHtml(m.app.name)}</span>`,
    `<a href="/me" class="m-header__me" aria-label="${escapeHtml(m.user.menu)}"><span class="m-header__avatar" aria-hidden="true">${escapeHtml(initial)}</span></a></header>`,
    `<main id="main" class="m-content" tabindex="-1"><div class="page m-detail">`,
    // the service worker puts "更新于 …" here when it answers from its cache (web/sw-template.js)
    '<!--cairn-stale-->',
    `<a href="/customers" class="back-link"><span aria-hidden="true">‹ </span>${escapeHtml(m.detail.backToList)}</a>`,
    `<header class="m-card m-detail__head"><h1 class="page__title" data-testid="lite-field-name">${escapeHtml(name)}</h1>`,
    `<dl class="lite-fields">${items}</dl></header>`,
    `</div></main></div>`,
  ].join('');
}

/**
 * The app page with the card in #root: on a phone (< 768 px) the card shows instead of the
 * spinner; on a wider screen the desk layout follows, so the spinner stays. Only a <style>
 * (the CSP allows inline styles, antd needs them) — the CSP's script hashes stay valid.
 * `indexHtml` may carry the app's stylesheet inlined (see `inlineStylesheets`), so the card paints
 * without waiting for a second request on a slow network.
 */
export function pageWithCard(
  indexHtml: string,
  card: LiteCardData,
  language: CardLanguage = 'zh-CN',
): string | undefined {
  const root = /<div id="root">([\s\S]*?)<\/div>\s*(?=<noscript|<\/body>|<script)/.exec(indexHtml);
  if (!root) return undefined;
  const style =
    '<style>@media (min-width: 768px){.first-paint{display:none}}@media (max-width: 767.98px){.first-paint-spinner{display:none}}' +
    '.first-paint .m-detail{position:relative}.first-paint__stale{position:absolute;top:0;right:0;line-height:44px;font-size:12px;color:#595959}</style>';
  const spinner = root[1]!.replace('class="page-loading"', 'class="page-loading first-paint-spinner"');
  const body = `<div id="root">${renderLiteCard(card, language)}${spinner}</div>\n    `;
  const page = indexHtml.slice(0, root.index) + body + indexHtml.slice(root.index + root[0].length);
  return page.replace('</head>', `${style}</head>`).replace(/<html lang="[^"]*"/, `<html lang="${language}"`);
}

/**
 * The page with each same-origin stylesheet `<link>` replaced by a `<style>` holding the file
 * (read through `read`, relative to the web root): one request fewer before the first paint.
 * A link whose file cannot be read stays as it is.
 */
export function inlineStylesheets(indexHtml: string, read: (href: string) => string | undefined): string {
  return indexHtml.replace(
    /<link rel="stylesheet"(?: crossorigin)? href="(\/assets\/[^"]+\.css)">/g,
    (link: string, href: string) => {
      const css = read(href);
      return css === undefined || css.includes('</style')
        ? link
        : `<style data-href="${escapeHtml(href)}">${css}</style>`;
    },
  );
}

/**
 * The page with the app's entry module started only after the card has painted: an inline script
 * (admitted by its hash, see `webAppScriptHashes`) imports it from a task queued after the next
 * frame. Otherwise a module already in the service worker's cache runs before the first paint, and
 * the card waits for the app's start-up. The module preloads stay, so nothing is fetched later.
 */
export function deferAppStart(indexHtml: string): string {
  return indexHtml.replace(
    /<script type="module"(?: crossorigin)? src="(\/[^"]+\.js)"><\/script>/,
    (_: string, src: string) =>
      `<script>requestAnimationFrame(function(){setTimeout(function(){import(${JSON.stringify(src)})})})</script>`,
  );
}
