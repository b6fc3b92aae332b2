import { useOutbox } from '../../offline/components/useOutbox.ts';
import { useOfflineT } from '../../offline/i18n/index.ts';
import { getOutbox } from '../../offline/runtime.ts';

export interface Draft {
  id: string;
  content: string;
  /** The draft became a follow-up (saved or queued): it leaves the drafts. */
  done: () => Promise<void>;
}

/**
 * The customer's drafts (dictated or typed notes kept on the phone until structured): one tap puts
 * a draft in the composer; once the follow-up is saved or queued, the draft goes.
 */
export function VoiceDrafts({ customerId, onUse }: { customerId: string; onUse: (draft: Draft) => void }) {
  const t = useOfflineT();
  const drafts = useOutbox().entries.filter((e) => e.state === 'draft' && e.data.customerId === customerId);
  if (!drafts.length) return null;
  return (
    <section aria-label={t('composer.drafts')} className="composer__drafts" data-testid="voice-drafts">
      <h3 className="field-label">{t('composer.drafts')}</h3>
      <ul className="offline-list">
        {drafts.map((entry) => (
          <li key={entry.id} className="offline-list__item">
            <p className="offline-note">{String(entry.data.content ?? '')}</p>
            <button
              type="button"
              className="btn btn--small"
              onClick={() =>
                onUse({
                  id: entry.id,
                  content: String(entry.data.content ?? ''),
                  done: () => getOutbox().discard(entry.id),
                })
              }
            >
              {t('composer.useDraft')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
