import type { AccessContext } from '../access/access-context.ts';
import type { Trx } from '../db/tenant-transaction.ts';

export interface Actor {
  tenantId: string;
  userId: string;
  username: string;
  displayName: string;
  role: 'admin' | 'member';
  isService: boolean;
  departmentId: string | null;
  /** Set when the request authenticated with an API key rather than a login session. */
  apiKeyId?: string;
  sessionId?: string;
  /** The primary's WAL position after the session's latest write (server/db/replica.ts). */
  writeLsn?: string | null;
}

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** The `x-step-up-token` header, for operations that need a fresh second factor. */
  stepUpToken?: string;
}

/** What a command needs: who acts, on which request, inside which tenant transaction. */
export interface CommandContext {
  actor: Actor;
  meta: RequestMeta;
  trx: Trx;
  /** The actor's grants, scopes and field rules for this request. */
  access: AccessContext;
  /** Set when a workflow rule acts: its writes' outbox events carry the chain depth (loop guard). */
  automation?: AutomationChain;
}

export interface AutomationChain {
  ruleId: string;
  runId: string;
  /** 1 for a rule run by an event a person caused, +1 for each rule further down a chain. */
  depth: number;
}

/** What writing an audit row needs (sign-in has no access context yet). */
export type AuditContext = Pick<CommandContext, 'actor' | 'meta' | 'trx'>;

export const isAdmin = (actor: Actor) => actor.role === 'admin';
