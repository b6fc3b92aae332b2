/**
 * Forced upgrade (issue 13): the web app sends its version in `x-cairn-client`; every API answer
 * carries the oldest version the company still serves in `x-min-client`, and an older client is
 * answered 426 CLIENT_UPGRADE_REQUIRED, so it flushes its outbox and reloads.
 */
export const CLIENT_VERSION_HEADER = 'x-cairn-client';
export const MIN_CLIENT_HEADER = 'x-min-client';

/** A plain release version, `major.minor.patch` (no pre-release or build part). */
const RELEASE = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/;

export const isClientVersion = (value: string): boolean => RELEASE.test(value);
