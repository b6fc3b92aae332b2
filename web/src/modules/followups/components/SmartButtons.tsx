import { useId, useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { latestFollowupQuery } from '../../customers/api/customers.ts';
import { useFormat } from '../../../app/format/format.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Dialog } from '../../../app/ui/Dialog.tsx';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { PenIcon } from '../../../app/ui/icons.tsx';
import { showToast } from '../../../app/ui/toast.tsx';
import {
  newIdempotencyKey,
  queueOrSend,
  smartButtonsQuery,
  type SmartButton,
  type TapRequest,
} from '../api/smartButtons.ts';

const LONG_PRESS_MS = 550;

/**
 * The phone customer page's smart buttons (刚聊完, 已发方案, 等客户回复 by default; the company
 * edits them): one tap saves the follow-up with the button's text and next step; a long press or
 * the pen opens the text to edit first. A tap that cannot reach the server waits in the phone's
 * outbox with its idempotency key (replayed through /sync/batch). Loaded lazily: the phone route's
 * budget does not carry it.
 */
export function SmartButtons({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const settings = useQuery(smartButtonsQuery);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<SmartButton | null>(null);
  const [text, setText] = useState('');
  const [nextStep, setNextStep] = useState('');
  const press = useRef<{ timer: number; fired: boolean } | null>(null);
  const textId = useId();
  const nextId = useId();

  const save = async (button: SmartButton, body?: TapRequest['body']) => {
    setBusy(button.key);
    setError(null);
    try {
      const outcome = await queueOrSend(
        { customerId, buttonKey: button.key, idempotencyKey: await newIdempotencyKey(), body },
        `${t('smartButtons.label')} · ${button.label}`,
      );
      if (outcome.state === 'queued') showToast(t('smartButtons.queued'));
      else {
        const { tap } = outcome;
        queryClient.setQueryData(latestFollowupQuery(customerId).queryKey, new Date().toISOString());
        void queryClient.invalidateQueries({ queryKey: ['followups'] });
        void queryClient.invalidateQueries({ queryKey: ['todos'] });
        showToast(
          tap.duplicate
            ? t('smartButtons.duplicate')
            : tap.nextStepAt
              ? t('smartButtons.saved', { time: format.dateTime(tap.nextStepAt) })
              : t('smartButtons.savedNoNext'),
        );
      }
      setEditing(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const openEditor = (button: SmartButton) => {
    setText(button.template);
    setNextStep(button.nextStep);
    setError(null);
    setEditing(button);
  };

  const startPress = (button: SmartButton) => {
    const state = { fired: false, timer: 0 };
    state.timer = window.setTimeout(() => {
      state.fired = true;
      openEditor(button);
    }, LONG_PRESS_MS);
    press.current = state;
  };
  const endPress = () => {
    if (press.current) window.clearTimeout(press.current.timer);
  };

  if (settings.isError) return <ErrorState error={settings.error} compact onRetry={() => void settings.refetch()} />;
  if (!settings.data) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (editing && text.trim()) void save(editing, { content: text.trim(), nextStep: nextStep.trim() });
  };

  return (
    <section className="m-card smart-buttons" aria-label={t('smartButtons.label')} data-testid="smart-buttons">
      <div className="smart-buttons__row">
        {settings.data.buttons.map((button) => (
          <div key={button.key} className="smart-buttons__item">
            <button
              type="button"
              className="btn smart-buttons__tap"
              disabled={busy !== null}
              aria-busy={busy === button.key}
              onPointerDown={() => startPress(button)}
              onPointerUp={endPress}
              onPointerLeave={endPress}
              onContextMenu={(event) => event.preventDefault()}
              onClick={() => {
                if (press.current?.fired) return;
                void save(button);
              }}
            >
              {button.label}
            </button>
            <button
              type="button"
              className="btn btn--small smart-buttons__edit"
              aria-label={t('smartButtons.editTitle', { label: button.label })}
              onClick={() => openEditor(button)}
            >
              <PenIcon aria-hidden="true" />
            </button>
          </div>
        ))}
      </div>
      {error !== null && !editing && <ErrorState error={error} compact />}
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('smartButtons.editTitle', { label: editing.label }) : ''}
        variant="sheet"
        testId="smart-button-editor"
      >
        <form className="composer" onSubmit={submit}>
          <label htmlFor={textId} className="field-label">
            {t('smartButtons.text')}
          </label>
          <textarea
            id={textId}
            className="native-input native-textarea"
            rows={3}
            maxLength={10000}
            required
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <label htmlFor={nextId} className="field-label">
            {t('smartButtons.nextStep')}
          </label>
          <input
            id={nextId}
            className="native-input"
            maxLength={500}
            value={nextStep}
            onChange={(event) => setNextStep(event.target.value)}
          />
          {error !== null && <ErrorState error={error} compact />}
          <div className="composer__actions">
            <button type="button" className="btn" onClick={() => setEditing(null)}>
              {t('smartButtons.cancel')}
            </button>
            <button type="submit" className="btn btn--primary" disabled={!text.trim() || busy !== null}>
              {t('smartButtons.save')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
