import type { QueryCacheNotifyEvent } from '@tanstack/react-query';
import { api, isApiError, tokenStore } from '../../../app/api/client.ts';
import { queryClient } from '../../../app/api/queryClient.ts';
import type { Page, User } from '../../../app/api/types.ts';
import { meQueryKey } from '../../auth/api/auth.ts';
import { customerLiteQuery } from '../../customers/api/customers.ts';
import { forgetCachedTemplates } from '../../followup-templates/api/followupTemplates.ts';
import { initialLiteFields, tenantQuery } from '../../settings/api/tenant.ts';
import { SafeCardStore, type CardSnapshot, type CardStore, type LiteCard } from './card-store.ts';

/** How many own customers are kept (the most recently updated), and how often they are refetched. */
export const CARD_LIMIT = 200;
export const REFRESH_EVERY_MS = 15 * 60_000;

const isOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

/**
 * The rep's own customers' lite cards for offline reading (issue 13): fetched in one list request
 * (`GET /customers?filter={ownerId}&fields=<lite fields>`, field rules applied by the server), at
 * most every REFRESH_EVERY_MS while online, kept per user in IndexedDB (or localStorage), and gone
 * at sign-out or when no session is left.
 */
export class LiteCardCache {
  private snapshot: CardSnapshot | undefined;

  constructor(
    private readonly deps: {
      store: CardStore;
      currentUser: () => string | undefined;
      fetchCards: (userId: string) => Promise<LiteCard[]>;
      online?: () => boolean;
      now?: () => number;
    },
  ) {}

  private now = () => (this.deps.now ?? Date.now)();

  /** The stored cards of the signed-in user into memory (so an offline page finds them at once). */
  async load(): Promise<void> {
    const userId = this.deps.currentUser();
    if (userId && this.snapshot?.userId !== userId) this.snapshot = await this.deps.store.get(userId);
  }

  /** Refetches when online and the cards are older than the interval (or `force`). */
  async refresh({ force = false } = {}): Promise<void> {
    const userId = this.deps.currentUser();
    if (!userId || !(this.deps.online ?? isOnline)()) return;
    await this.load();
    const fresh = this.snapshot?.userId === userId && this.now() - this.snapshot.refreshedAt < REFRESH_EVERY_MS;
    if (fresh && !force) return;
    const refreshedAt = this.now();
    const cards = await this.deps.fetchCards(userId);
    if (this.deps.currentUser() !== userId) return; // signed out (or in as someone else) meanwhile
    this.snapshot = { userId, refreshedAt, cards: cards.slice(0, CARD_LIMIT) };
    await this.deps.store.put(this.snapshot);
  }

  /** The signed-in user's cached card of this customer, with when it was fetched. */
  card(id: string): { card: LiteCard; refreshedAt: number } | undefined {
    const snapshot = this.snapshot;
    if (!snapshot || snapshot.userId !== this.deps.currentUser()) return undefined;
    const card = snapshot.cards.find((c) => c.id === id);
    return card && { card, refreshedAt: snapshot.refreshedAt };
  }

  async clear(): Promise<void> {
    this.snapshot = undefined;
    await this.deps.store.clear();
  }
}

/** The lite fields' `fields=` list, as the phone page asks for one customer, plus the last follow-up time. */
function liteFieldList(): string[] {
  const liteFields = queryClient.getQueryData(tenantQuery.queryKey)?.settings.liteFields ?? initialLiteFields();
  const wanted = customerLiteQuery('', liteFields).queryKey[3];
  return [...(isFieldsKey(wanted) ? wanted.fields : ['name']), 'lastFollowupAt'];
}

const fetchOwnCards = async (userId: string) =>
  (
    await api.get<Page<LiteCard>>('/customers', {
      filter: { ownerId: userId },
      sort: '-updatedAt',
      limit: CARD_LIMIT,
      fields: liteFieldList(),
    })
  ).data;

const signedInUser = () => (tokenStore.get() ? queryClient.getQueryData<User>(meQueryKey)?.id : undefined);

/** What the offline bar marks: the customer whose cached card is on screen, and its age. */
export const offlineCardMark = {
  current: undefined as { id: string; refreshedAt: number } | undefined,
  listeners: new Set<() => void>(),
  set(next: { id: string; refreshedAt: number } | undefined) {
    if (next?.id === this.current?.id && next?.refreshedAt === this.current?.refreshedAt) return;
    this.current = next;
    for (const listener of this.listeners) listener();
  },
  subscribe(listener: () => void) {
    offlineCardMark.listeners.add(listener);
    return () => void offlineCardMark.listeners.delete(listener);
  },
};

const cardPath = (id: string) => `/customers/${encodeURIComponent(id)}`;
const onCardPage = (id: string) =>
  typeof location !== 'undefined' && location.pathname.replace(/\/$/, '') === cardPath(id);

/**
 * Answers the phone page's own queries from the cache when they cannot reach the server: the lite
 * card (`['customers','one',id,{fields}]`) and the last follow-up time (`['followups','latest',id]`).
 * Fresh data from the server takes the card over again and removes the offline mark.
 */
export function answerOfflineQueries(cache: LiteCardCache) {
  return (event: QueryCacheNotifyEvent) => {
    const key = event.query.queryKey as readonly unknown[];
    const mark = offlineCardMark.current;
    if (mark && !onCardPage(mark.id)) offlineCardMark.set(undefined);
    const lite = key[0] === 'customers' && key[1] === 'one' && typeof key[2] === 'string' && isFieldsKey(key[3]);
    const latest = key[0] === 'followups' && key[1] === 'latest' && typeof key[2] === 'string';
    if (!lite && !latest) return;
    const id = key[2] as string;
    if (event.type === 'updated' && event.action.type === 'success' && !event.action.manual) {
      if (lite && offlineCardMark.current?.id === id) offlineCardMark.set(undefined);
      return;
    }
    const unreachable =
      (event.type === 'added' && !isOnline()) ||
      (event.type === 'updated' &&
        event.action.type === 'error' &&
        isApiError(event.action.error) &&
        event.action.error.code === 'NETWORK');
    if (!unreachable || event.query.state.status === 'success') return;
    const cached = cache.card(id);
    if (!cached) return;
    queueMicrotask(() => {
      if (lite) {
        const { fields } = key[3] as { fields: string[] };
        const picked = Object.fromEntries(
          ['id', ...fields].filter((f) => f in cached.card).map((f) => [f, cached.card[f]]),
        );
        // dated as fetched: stale, so the page refetches it as soon as the network is back
        queryClient.setQueryData(key, picked, { updatedAt: cached.refreshedAt });
        if (onCardPage(id)) offlineCardMark.set({ id, refreshedAt: cached.refreshedAt });
      } else queryClient.setQueryData(key, cached.card.lastFollowupAt ?? null, { updatedAt: cached.refreshedAt });
    });
  };
}

const isFieldsKey = (value: unknown): value is { fields: string[] } =>
  typeof value === 'object' && value !== null && Array.isArray((value as { fields?: unknown }).fields);

let started: LiteCardCache | undefined;

/** Loaded with the outbox's bar (never with the phone's first chunks): keeps, refreshes, answers and clears. */
export function startLiteCards(store: CardStore = new SafeCardStore()): LiteCardCache {
  if (started) return started;
  const cache = new LiteCardCache({ store, currentUser: signedInUser, fetchCards: fetchOwnCards });
  started = cache;
  const signOut = tokenStore.clear.bind(tokenStore);
  // what a rep reads offline (cards, recent follow-up templates) leaves with their session
  const forget = () => {
    void cache.clear();
    forgetCachedTemplates();
  };
  tokenStore.clear = () => {
    signOut();
    forget();
  };
  if (!tokenStore.get()) forget();
  queryClient.getQueryCache().subscribe(answerOfflineQueries(cache));
  const refresh = () => void cache.refresh().catch(() => undefined);
  void cache.load().then(refresh);
  // the signed-in user arrives (or changes) through the `me` query
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success' && event.query.queryKey[0] === meQueryKey[0])
      void cache.load().then(refresh);
  });
  addEventListener('online', () => {
    // the card on screen came from the cache: fetch it now (its answer removes the offline mark)
    const shown = offlineCardMark.current;
    if (shown) void queryClient.invalidateQueries({ queryKey: ['customers', 'one', shown.id] });
    refresh();
  });
  setInterval(refresh, 60_000);
  return cache;
}
