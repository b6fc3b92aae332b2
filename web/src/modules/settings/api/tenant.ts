import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import { tenantSettingDefaults } from '../../../../../common/tenant-settings.ts';
import type { One, Tenant, TenantSettings } from '../../../app/api/types.ts';

export const DEFAULT_LITE_FIELDS = tenantSettingDefaults.liteFields;
const LITE_KEY = 'cairn.liteFields';

/** The company and its settings: one query, one cache entry, whichever page reads or edits them. */
export const tenantQuery = queryOptions({
  queryKey: ['tenant'],
  queryFn: async ({ signal }) => {
    const tenant = (await api.get<One<Tenant>>('/tenant', undefined, signal)).data;
    try {
      if (tenant.settings.liteFields?.length)
        localStorage.setItem(LITE_KEY, JSON.stringify(tenant.settings.liteFields));
    } catch {
      /* storage unavailable */
    }
    return tenant;
  },
  staleTime: 5 * 60_000,
});

function storedLiteFields(): string[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(LITE_KEY) ?? 'null') as unknown;
    if (Array.isArray(parsed) && parsed.every((f) => typeof f === 'string') && parsed.length) return parsed as string[];
  } catch {
    /* nothing stored */
  }
  return DEFAULT_LITE_FIELDS;
}

/**
 * The tenant's lite fields without waiting for /tenant (pass `refresh: false` to hold the check back
 * until the screen's own requests are done): the last known list (or the default) is used
 * at once, so the phone header needs one request, and a changed setting is picked up in the background.
 */
export function useLiteFields({ refresh = true } = {}): string[] {
  const { data } = useQuery({ ...tenantQuery, enabled: refresh });
  const fromServer = data?.settings.liteFields;
  return fromServer?.length ? fromServer : storedLiteFields();
}

export const initialLiteFields = storedLiteFields;

/** Saves changed settings; the answer is the company with all its settings. */
export const saveTenantSettings = (settings: Partial<TenantSettings>) =>
  api.patch<One<Tenant>>('/tenant/settings', settings).then((r) => r.data);
