import { createHash, randomBytes } from 'node:crypto';
import { isUuid } from '../../common/ids.ts';

/**
 * Session tokens and API keys carry their tenant id in clear, so the server can set the
 * tenant context before it looks the secret up (every unique index includes tenant_id).
 * Only a SHA-256 of the secret part is stored.
 */
export interface ParsedToken {
  kind: 'session' | 'apiKey';
  tenantId: string;
  secretHash: string;
}

const SESSION = 'cs';
const API_KEY = 'ck';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

function issue(prefix: string, tenantId: string) {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${prefix}_${tenantId.replace(/-/g, '')}_${secret}`, secretHash: hashSecret(secret) };
}

export const issueSessionToken = (tenantId: string) => issue(SESSION, tenantId);
export const issueApiKey = (tenantId: string) => issue(API_KEY, tenantId);

export function parseToken(token: string): ParsedToken | undefined {
  const match = /^(cs|ck)_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const hex = match[2]!;
  const tenantId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  if (!isUuid(tenantId)) return undefined;
  return { kind: match[1] === SESSION ? 'session' : 'apiKey', tenantId, secretHash: hashSecret(match[3]!) };
}
