import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from '../../../app/i18n/index.ts';
import { loadAccessMessages } from '../i18n/catalog.ts';

const loadDrawer = async () => (await Promise.all([import('./ExplainDrawer.tsx'), loadAccessMessages()]))[0];
const ExplainDrawer = lazy(loadDrawer);

/**
 * "谁能看到这条记录 / Who can see this": a plain button for record pages; the drawer (antd and the
 * access messages) is only downloaded when it is first opened.
 */
export function ExplainButton({
  recordType,
  recordId,
  className = 'btn',
}: {
  recordType: string;
  recordId: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  return (
    <>
      <button
        ref={button}
        type="button"
        className={className}
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={() => void loadDrawer()}
        onFocus={() => void loadDrawer()}
        onClick={() => {
          setMounted(true);
          setOpen(true);
        }}
      >
        {t('detail.explain')}
      </button>
      {mounted && (
        <Suspense
          fallback={
            <span className="sr-only" role="status">
              {t('detail.explainOpening')}
            </span>
          }
        >
          <ExplainDrawer
            open={open}
            recordType={recordType}
            recordId={recordId}
            onClose={() => {
              setOpen(false);
              requestAnimationFrame(() => button.current?.focus());
            }}
          />
        </Suspense>
      )}
    </>
  );
}
