import { api, request } from '../../../app/api/client.ts';
import type { paths } from '../../../app/api/schema.d.ts';
// Types only: importing the phone's module here would split it into a chunk of its own and add a
// preload entry to the phone's customer page (its route budget).
import type { FollowupSettings, SmartButton } from '../../followups/api/smartButtons.ts';

export type { FollowupSettings, SmartButton };
/** The body of PUT /api/v1/smart-buttons. */
export type FollowupSettingsInput = paths['/api/v1/smart-buttons']['put']['requestBody']['content']['application/json'];

/** The company's smart buttons, working calendar and grace period, in the cache entry the phone's buttons read. */
export const followupSettingsQuery = {
  queryKey: ['smart-buttons'] as const,
  queryFn: ({ signal }: { signal?: AbortSignal }) =>
    api.get<{ data: FollowupSettings }>('/smart-buttons', undefined, signal).then((r) => r.data),
};

/** Replaces the whole document (administrators); the answer is the saved settings with their new version. */
export const saveFollowupSettings = (input: FollowupSettingsInput) =>
  request<{ data: FollowupSettings }>('/smart-buttons', { method: 'PUT', body: input }).then((r) => r.data);
