import { lazy, Suspense, useRef, useState } from 'react';
import { explainButtonLabel, explainButtonLoading } from '../i18n/explainButton.ts';
import { useTranslation } from '../../../app/i18n/index.ts';

const loadDrawer = () => import('./ExplainDrawer.tsx');
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
  const { i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const label = explainButtonLabel[i18n.language] ?? explainButtonLabel['zh-CN']!;

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
        {label}
      </button>
      {mounted && (
        <Suspense
          fallback={
            <span className="sr-only" role="status">
              {explainButtonLoading[i18n.language] ?? explainButtonLoading['zh-CN']}
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
