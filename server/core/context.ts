import type { Trx } from './tenant-transaction.ts';

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
}

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

/** What a command needs: who acts, on which request, inside which tenant transaction. */
export interface CommandContext {
  actor: Actor;
  meta: RequestMeta;
  trx: Trx;
}

export const isAdmin = (actor: Actor) => actor.role === 'admin';
