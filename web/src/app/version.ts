/**
 * The app's version, sent in `x-cairn-client` with every API call (forced upgrade, issue 13) and
 * kept with every queued offline action. The build sets it from package.json (web/vite.config.ts).
 */
export const APP_VERSION: string = (import.meta.env.VITE_CAIRN_VERSION as string | undefined) || '0.1.0';
