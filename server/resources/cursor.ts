import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { isUuid } from '../../common/ids.ts';
import type { AccessContext } from '../access/access-context.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { isCalendarDate } from '../http/common-schemas.ts';
import { fieldError } from '../errors.ts';
import type { SortSpec } from './list-query.ts';

/**
 * List cursors are sealed (AES-256-GCM under the company's cursor key): a client can hand one
 * back but cannot read the sort value inside it, nor forge or alter one.
 */
export interface CursorPosition {
  /** The sort value of the last row (null when it had none). */
  v: unknown;
  id: string;
  /** For a sandboxed new hire: 0 while in the rows they may open, 1 in the masked rows after them. */
  g?: 0 | 1;
}

interface CursorPayload extends CursorPosition {
  s: string;
}

const notIssued = () => fieldError('cursor', 'is not a cursor this API issued');
const sortName = (sort: SortSpec) => `${sort.direction === 'desc' ? '-' : ''}${sort.target.name}`;
const keyOf = (secret: string) => createHash('sha256').update(`cairn list cursor\u0000${secret}`).digest();

/** The company's cursor key: loaded with the access context, or read here for contexts built without it. */
export async function cursorKeyOf(trx: Trx, access: AccessContext): Promise<string> {
  if (access.cursorKey) return access.cursorKey;
  const row = await trx
    .selectFrom('tenants')
    .select('cursor_key')
    .where('id', '=', access.actor.tenantId)
    .executeTakeFirstOrThrow();
  access.cursorKey = row.cursor_key;
  return row.cursor_key;
}

export function sealCursor(secret: string, sort: SortSpec, position: CursorPosition): string {
  const value = position.v instanceof Date ? position.v.toISOString() : position.v;
  const payload: CursorPayload = { s: sortName(sort), ...position, v: value ?? null };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Whether a sort value has the shape the sort's column gives it (a sealed cursor always has). */
function fitsSort(sort: SortSpec, value: unknown): boolean {
  if (value === null) return !sort.target.required;
  switch (sort.target.kind) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value);
    case 'decimal':
      return typeof value === 'string' && DECIMAL.test(value);
    case 'date':
      return typeof value === 'string' && isCalendarDate(value);
    case 'timestamp':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'uuid':
      return typeof value === 'string' && isUuid(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'multiSelect':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    default:
      return typeof value === 'string';
  }
}

/** Opens a cursor this API sealed for the same sort; anything else is a 400 naming `cursor`. */
export function openCursor(secret: string, sort: SortSpec, cursor: string): CursorPosition {
  let payload: CursorPayload;
  try {
    const bytes = Buffer.from(cursor, 'base64url');
    if (bytes.length < 29) throw notIssued();
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    payload = JSON.parse(text) as CursorPayload;
  } catch {
    throw notIssued();
  }
  if (!payload || typeof payload.id !== 'string' || !isUuid(payload.id)) throw notIssued();
  if (payload.s !== sortName(sort))
    throw fieldError('cursor', `was issued for sort=${payload.s}; repeat the request with the same sort`);
  if (payload.g !== undefined && payload.g !== 0 && payload.g !== 1) throw notIssued();
  if (payload.g !== 1 && !fitsSort(sort, payload.v)) throw notIssued();
  return { v: payload.v, id: payload.id, g: payload.g };
}
