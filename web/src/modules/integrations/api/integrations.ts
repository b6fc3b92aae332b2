/**
 * The integration center's API: channels with their health, dry runs, dead letters, the review
 * queue and the outbound delivery log, as typed calls and react-query options.
 */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { components, paths } from '../../../app/api/schema.d.ts';
import type { Page } from '../../../app/api/types.ts';
import type { MappingRule } from '../../../../../common/channel-mapping.ts';

type Schemas = components['schemas'];
export type Channel = Schemas['Channel'];
export type ChannelHealth = Schemas['ChannelHealth'];
export type ChannelKind = Channel['kind'];
export type ChannelTrigger = Channel['trigger'];
export type DeadLetter = Schemas['DeadLetter'];
export type ReviewItem = Schemas['ReviewItem'];
export type IntakeStatus = Schemas['IntakeStatus'];
export type DeliveryAttempt = Schemas['OutboundDeliveryAttempt'];
type DryRunResponse = paths['/api/v1/channels/{id}/dry-run']['post']['responses'][200]['content']['application/json'];
export type DryRunRecord = DryRunResponse['data'][number];
export type DryRunResult = DryRunResponse;

export const channelKinds: readonly ChannelKind[] = ['webhook', 'pull', 'import', 'outbound'];
export const channelTriggers: readonly ChannelTrigger[] = ['realtime', 'scheduled'];
export const matchKeys = ['externalId', 'creditCode', 'phone', 'name'] as const;
export const mergePolicies = ['nonNullWins', 'sourcePriority', 'newestWins', 'alwaysOverwrite'] as const;
export type MergePolicyName = (typeof mergePolicies)[number];
/** What a channel's service identity needs (server/integration/service-identity.ts). */
export const requiredGrants = ['runBackgroundSync', 'customer.read', 'customer.create', 'customer.update'] as const;

export interface MergePolicy {
  default: MergePolicyName;
  fields?: Record<string, MergePolicyName>;
  priority?: string[];
}

/** What the editor saves: the editable part of a channel. */
export interface ChannelInput {
  key?: string;
  kind?: ChannelKind;
  name: string;
  trigger: ChannelTrigger;
  mapping: MappingRule[];
  mergePolicy: MergePolicy;
  matchOrder: string[];
  idempotencyField: string | null;
  serviceUserId?: string;
  retryBaseSeconds: number;
  retryLimit: number;
  config: Record<string, unknown>;
  /** Pull channels: headers to set (name → value) or remove (name → null); values are write-only. */
  authHeaders?: Record<string, string | null>;
}

interface Data<T> {
  data: T;
}

const KEY = 'integrations';

export const channelsQuery = queryOptions({
  queryKey: [KEY, 'channels'],
  queryFn: ({ signal }) => api.get<Data<Channel[]>>('/channels', undefined, signal).then((r) => r.data),
});

export const channelQuery = (id: string) =>
  queryOptions({
    queryKey: [KEY, 'channels', id],
    queryFn: ({ signal }) =>
      api.get<Data<Channel>>(`/channels/${encodeURIComponent(id)}`, undefined, signal).then((r) => r.data),
  });

export const createChannel = (input: ChannelInput & { key: string; kind: ChannelKind }) =>
  api.post<{ data: Channel; secret?: string }>('/channels', input);

export const updateChannel = (id: string, input: ChannelInput & { version: number }) =>
  api.patch<Data<Channel>>(`/channels/${encodeURIComponent(id)}`, input).then((r) => r.data);

export const dryRun = (id: string, body: { payloads?: Array<Record<string, unknown>>; limit?: number }) =>
  api.post<DryRunResult>(`/channels/${encodeURIComponent(id)}/dry-run`, body);

export const deadLettersQuery = (channelId?: string) =>
  queryOptions({
    queryKey: [KEY, 'dead-letters', channelId ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<Data<DeadLetter[]>>('/dead-letters', { channelId, limit: 200 }, signal).then((r) => r.data),
  });

export const retryDeadLetter = (id: string) =>
  api.post<Data<IntakeStatus>>(`/dead-letters/${encodeURIComponent(id)}/retry`).then((r) => r.data);

export const discardDeadLetter = (id: string, reason: string) =>
  api.post<Data<IntakeStatus>>(`/dead-letters/${encodeURIComponent(id)}/discard`, { reason }).then((r) => r.data);

export const reviewQueueQuery = queryOptions({
  queryKey: [KEY, 'review-queue'],
  queryFn: ({ signal }) => api.get<Data<ReviewItem[]>>('/review-queue', { limit: 200 }, signal).then((r) => r.data),
});

export const resolveReview = (id: string, target: { recordId: string } | { create: true }) =>
  api.post<Data<IntakeStatus>>(`/review-queue/${encodeURIComponent(id)}/resolve`, target).then((r) => r.data);

export const deliveriesPage = (channelId: string, cursor: string | undefined, signal?: AbortSignal) =>
  api.get<{ data: DeliveryAttempt[]; nextCursor: string | null }>(
    `/channels/${encodeURIComponent(channelId)}/deliveries`,
    { limit: 50, cursor },
    signal,
  );

export interface ServiceUserOption {
  id: string;
  displayName: string;
  username?: string;
  isService?: boolean;
  isActive?: boolean;
}

/** Users a channel may write as (service identities first). */
export const serviceUsersQuery = queryOptions({
  queryKey: [KEY, 'service-users'],
  queryFn: async ({ signal }) => {
    const page = await api.get<Page<ServiceUserOption>>(
      '/users',
      { limit: 200, fields: ['displayName', 'username', 'isService', 'isActive'] },
      signal,
    );
    return page.data
      .filter((u) => u.isActive !== false)
      .sort((a, b) => Number(Boolean(b.isService)) - Number(Boolean(a.isService)));
  },
  staleTime: 60_000,
});

export const invalidateIntegrations = [KEY] as const;
