import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { components } from '../../../app/api/schema.d.ts';
import type { RecordBase } from '../../../app/api/types.ts';

/** A template as GET /api/v1/followup-templates lists it, with the caller's own use of it. */
export type FollowupTemplate = components['schemas']['FollowupTemplateEntry'];

/** A template as the generic record routes read and write it (the admin page's form). */
export type FollowupTemplateRecord = RecordBase & {
  title: string;
  body: string;
  status: string | null;
  kind: string | null;
};

/** How many of the caller's most recently used templates the phone keeps for offline reading. */
export const RECENT_TEMPLATES = 30;

const CACHE_PREFIX = 'cairn.followupTemplates.';
const cacheKey = (userId: string) => `${CACHE_PREFIX}${userId}`;

/** Drops every user's cached templates from this device (at sign-out, with the offline lite cards). */
export function forgetCachedTemplates() {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(CACHE_PREFIX)) localStorage.removeItem(key);
  } catch {
    /* storage unavailable: nothing was kept */
  }
}

/** The user's recent templates as last fetched on this device (keyed by user: another sign-in never sees them). */
export function cachedTemplates(userId: string): FollowupTemplate[] | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(cacheKey(userId)) ?? 'null') as unknown;
    return Array.isArray(stored) ? (stored as FollowupTemplate[]) : undefined;
  } catch {
    return undefined;
  }
}

function cache(userId: string, templates: FollowupTemplate[]) {
  try {
    localStorage.setItem(cacheKey(userId), JSON.stringify(templates));
  } catch {
    /* storage full or unavailable: the picker then works online only */
  }
}

/** The caller's 30 most recently used templates (then the rest by title), cached per user for offline use. */
export const recentTemplatesQuery = (userId: string) =>
  queryOptions({
    queryKey: ['followup-templates', 'recent', userId],
    queryFn: async ({ signal }) => {
      const { data } = await api.get<{ data: FollowupTemplate[] }>(
        '/followup-templates',
        { recent: RECENT_TEMPLATES },
        signal,
      );
      cache(userId, data);
      return data;
    },
    initialData: () => cachedTemplates(userId),
    initialDataUpdatedAt: 0,
  });

/** Every template, by the caller's recent use then title (the admin page). */
export const allTemplatesQuery = queryOptions({
  queryKey: ['followup-templates', 'all'],
  queryFn: ({ signal }) =>
    api.get<{ data: FollowupTemplate[] }>('/followup-templates', undefined, signal).then((r) => r.data),
});
