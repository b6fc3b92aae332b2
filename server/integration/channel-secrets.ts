import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashSecret } from '../auth/tokens.ts';

/**
 * A webhook channel's secret. The sender proves it either by sending it (`x-cairn-channel-secret`,
 * compared with the stored SHA-256, as API keys are) or by signing the body with it
 * (`x-cairn-signature: t=<unix>,v1=<hex hmac-sha256 of "<t>.<body>">`). Checking a signature
 * needs the secret itself, so it is also kept sealed (AES-256-GCM) under a key derived from the
 * company's own key (`tenants.cursor_key`): a copy of the channels table alone does not reveal it.
 * It is answered once when the channel is created and printed by `cairn channel secret <key>`.
 */
export const SIGNATURE_WINDOW_SECONDS = 300;

const sealKey = (companyKey: string) => createHash('sha256').update(`cairn channel secret\u0000${companyKey}`).digest();

export function issueChannelSecret(companyKey: string) {
  const secret = `chs_${randomBytes(32).toString('base64url')}`;
  return { secret, secretHash: hashSecret(secret), sealed: sealSecret(companyKey, secret) };
}

export function sealSecret(companyKey: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(companyKey), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openSecret(companyKey: string, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(companyKey), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

const equalHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const secretMatches = (given: string, storedHash: string | null) =>
  storedHash !== null && equalHex(hashSecret(given), storedHash);

/** The signature header a sender computes (exported for tests, the CLI and documentation). */
export function signBody(secret: string, body: string, unixSeconds = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Checks `t=…,v1=…` against the secret and the raw body; a timestamp outside the window is a replay. */
export function verifySignature(
  header: string,
  secret: string,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !/^\d{1,12}$/.test(t) || !v1 || !/^[0-9a-f]{64}$/i.test(v1))
    return { ok: false, reason: 'x-cairn-signature must be t=<unix seconds>,v1=<hex hmac-sha256>' };
  if (Math.abs(nowSeconds - Number(t)) > SIGNATURE_WINDOW_SECONDS)
    return { ok: false, reason: `the signature timestamp is more than ${SIGNATURE_WINDOW_SECONDS} s away (replay?)` };
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return equalHex(expected, v1.toLowerCase()) ? { ok: true } : { ok: false, reason: 'the signature does not match' };
}
