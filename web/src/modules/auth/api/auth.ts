import { api, tokenStore } from '../../../app/api/client.ts';
import type { One, User } from '../../../app/api/types.ts';

export interface LoginInput {
  username: string;
  password: string;
  /** Company code; the server asks for it (field error on `tenant`) when the username exists in several companies. */
  tenant?: string;
}

export interface LoginResult {
  token: string;
  /** Without permissions: /me carries those. */
  user: Omit<User, 'permissions'>;
}

export const meQueryKey = ['me'] as const;

export async function login(input: LoginInput): Promise<LoginResult> {
  const body: LoginInput = { username: input.username.trim(), password: input.password };
  if (input.tenant?.trim()) body.tenant = input.tenant.trim();
  const result = await api.post<LoginResult>('/auth/login', body, { auth: false });
  tokenStore.set(result.token);
  return result;
}

/** Best effort: the token is dropped locally whatever the server says. */
export async function logout(): Promise<void> {
  try {
    if (tokenStore.get()) await api.post<void>('/auth/logout');
  } catch {
    /* already expired or offline — nothing to undo */
  } finally {
    tokenStore.clear();
  }
}

export const fetchMe = (signal?: AbortSignal) => api.get<One<User>>('/me', undefined, signal).then((r) => r.data);

export interface ServerHealth {
  /** Not in the first contract: the login page shows the demo hint when the server says it runs with --demo. */
  demo?: boolean;
  demoAccount?: { username: string; password: string };
}

export async function fetchHealth(signal?: AbortSignal): Promise<ServerHealth> {
  const response = await fetch('/api/health', { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) return {};
  try {
    return (await response.json()) as ServerHealth;
  } catch {
    return {};
  }
}
