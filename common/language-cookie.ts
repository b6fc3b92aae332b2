/**
 * The readable cookie that tells the server the web app's language, so the page it renders for a
 * phone's first paint (server/first-paint) speaks it too. The app keeps its choice in
 * localStorage and mirrors it here (web/src/app/i18n); it holds nothing else.
 */
export const LANGUAGE_COOKIE = 'cairn_lang';
