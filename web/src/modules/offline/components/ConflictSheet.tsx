import { useState } from 'react';
import { Dialog } from '../../../app/ui/Dialog.tsx';
import { useOfflineT } from '../i18n/index.ts';
import { getOutbox } from '../runtime.ts';
import type { OutboxEntry } from '../storage/types.ts';

const show = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? '—'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value as string | number | boolean);

/**
 * A replayed change met a newer version on the server: mine and the server's side by side, field by
 * field. "Keep mine" sends the chosen values again on the server's version; "keep the server's"
 * lets mine go. Either way it is the rep's choice: nothing is dropped silently.
 */
export function ConflictSheet({ entry, onClose }: { entry: OutboxEntry; onClose: () => void }) {
  const t = useOfflineT();
  const server = entry.current ?? {};
  const fields = Object.keys(entry.data);
  const [choice, setChoice] = useState<Record<string, 'mine' | 'server'>>(() =>
    Object.fromEntries(fields.map((f) => [f, 'mine'])),
  );
  const keepMine = () => {
    const data = Object.fromEntries(fields.filter((f) => choice[f] === 'mine').map((f) => [f, entry.data[f]] as const));
    const outbox = getOutbox();
    void (Object.keys(data).length ? outbox.keepMine(entry.id, data) : outbox.discard(entry.id));
    onClose();
  };
  return (
    <Dialog open onClose={onClose} title={t('conflict.title')} variant="sheet" testId="conflict-sheet">
      <p className="offline-note">{t('conflict.intro')}</p>
      <table className="offline-compare">
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('conflict.mine')}</th>
            <th scope="col">{t('conflict.server')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row">{field}</th>
              {(['mine', 'server'] as const).map((side) => (
                <td key={side}>
                  <label>
                    <input
                      type="radio"
                      name={`conflict-${field}`}
                      checked={choice[field] === side}
                      onChange={() => setChoice((c) => ({ ...c, [field]: side }))}
                    />{' '}
                    {show(side === 'mine' ? entry.data[field] : server[field])}
                  </label>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="composer__actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            void getOutbox().discard(entry.id);
            onClose();
          }}
        >
          {t('conflict.keepServer')}
        </button>
        <button type="button" className="btn btn--primary" onClick={keepMine}>
          {t('conflict.keepMine')}
        </button>
      </div>
    </Dialog>
  );
}
