import { use, useState, useSyncExternalStore } from 'react';
import { Dialog } from '../../../app/ui/Dialog.tsx';
import { loadOfflineMessages } from '../i18n/catalog.ts';
import { useOfflineT } from '../i18n/index.ts';
import { offlineCardMark } from '../lite-cards/lite-card-cache.ts';
import { getOutbox } from '../runtime.ts';
import { onUpgradeStuck, upgradeState } from '../upgrade.ts';
import type { OutboxEntry } from '../storage/types.ts';
import { ConflictSheet } from './ConflictSheet.tsx';
import { useOutbox } from './useOutbox.ts';
import '../offline.css';

const time = (iso: string | number) => new Date(iso).toLocaleTimeString();
const dayTime = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * The outbox as the rep sees it, under the header on every signed-in page: a pending-count badge
 * (opening the list with each entry's state and the last failure's reason), the storage banner
 * when IndexedDB was given up, the "离线 · 更新于 …" mark of a customer card read from the offline
 * cache, and the notice when a forced upgrade could not find a new version.
 */
export default function OfflineBar() {
  use(loadOfflineMessages());
  const t = useOfflineT();
  const state = useOutbox();
  const stuck = useSyncExternalStore(onUpgradeStuck, () => upgradeState.stuck);
  const cachedCard = useSyncExternalStore(offlineCardMark.subscribe, () => offlineCardMark.current);
  const [open, setOpen] = useState(false);
  const [comparing, setComparing] = useState<OutboxEntry | undefined>();
  const online = typeof navigator === 'undefined' || navigator.onLine !== false;
  const waiting = state.entries.filter((e) => e.state !== 'draft');

  return (
    <div className="offline-bar">
      {state.fallback && (
        <p className="offline-banner" role="status" data-testid="storage-fallback-banner">
          {t('banner.storage')}
        </p>
      )}
      {cachedCard && (
        <p className="offline-banner" role="status" data-testid="offline-card-mark">
          {t('banner.cachedCard', { time: dayTime(cachedCard.refreshedAt) })}
        </p>
      )}
      {stuck && (
        <p className="offline-banner offline-banner--warn" role="alert" data-testid="upgrade-stuck-banner">
          {t('banner.upgrade')}
        </p>
      )}
      {state.pending > 0 && (
        <button
          type="button"
          className="offline-badge"
          data-testid="outbox-badge"
          aria-label={t('badge.label', { count: state.pending })}
          onClick={() => setOpen(true)}
        >
          <span className="offline-badge__count">{state.pending}</span>
          <span>{state.syncing ? t('badge.syncing') : t('badge.pending', { count: state.pending })}</span>
        </button>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} title={t('sheet.title')} variant="sheet" testId="outbox-sheet">
        {!online && <p className="offline-note">{t('sheet.offline')}</p>}
        {state.lastError && (
          <p className="offline-note" data-testid="outbox-reason">
            {t('sheet.reason', { reason: state.lastError })}
            {state.nextRetryAt ? ` · ${t('sheet.retryAt', { time: time(state.nextRetryAt) })}` : ''}
          </p>
        )}
        {waiting.length === 0 && <p className="offline-note">{t('sheet.empty')}</p>}
        <ul className="offline-list">
          {waiting.map((entry) => (
            <li key={entry.id} className="offline-list__item" data-testid="outbox-entry">
              <div>
                <strong>{entry.label}</strong> <span className="offline-tag">{t(`sheet.states.${entry.state}`)}</span>
              </div>
              <div className="offline-note">{t('sheet.created', { time: time(entry.createdAt) })}</div>
              {entry.lastError && <div className="offline-note">{t('sheet.reason', { reason: entry.lastError })}</div>}
              <div className="offline-list__actions">
                {entry.state === 'conflict' && (
                  <button type="button" className="btn btn--small btn--primary" onClick={() => setComparing(entry)}>
                    {t('sheet.compare')}
                  </button>
                )}
                {entry.state !== 'pending' && (
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => {
                      if (window.confirm(t('sheet.discardConfirm'))) void getOutbox().discard(entry.id);
                    }}
                  >
                    {t('sheet.discard')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
        <div className="composer__actions">
          <button
            type="button"
            className="btn btn--primary"
            disabled={!online || state.syncing || !waiting.some((e) => e.state === 'pending')}
            onClick={() => void getOutbox().replay()}
          >
            {t('sheet.retry')}
          </button>
        </div>
      </Dialog>
      {comparing && <ConflictSheet entry={comparing} onClose={() => setComparing(undefined)} />}
    </div>
  );
}
