import { useState, type ReactNode } from 'react';
import { useTranslation } from '../i18n/index.ts';
import { Dialog } from './Dialog.tsx';

interface ConfirmButtonProps {
  label: ReactNode;
  /** Accessible name when the label is an icon or ambiguous in a list ("删除 张三"). */
  ariaLabel?: string;
  title: string;
  message?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  className?: string;
  testId?: string;
  onConfirm: () => Promise<unknown> | void;
}

/** A button that asks first; the action's failure is shown in the dialog. */
export function ConfirmButton({
  label,
  ariaLabel,
  title,
  message,
  confirmLabel,
  danger,
  className,
  testId,
  onConfirm,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className={className ?? 'btn btn--small'}
        aria-label={ariaLabel}
        data-testid={testId}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} title={title}>
        {message && <div className="dialog__message">{message}</div>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={() => setOpen(false)} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={danger ? 'btn btn--danger' : 'btn btn--primary'}
            onClick={() => void run()}
            disabled={busy}
            aria-busy={busy}
          >
            {confirmLabel}
          </button>
        </div>
      </Dialog>
    </>
  );
}
