import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/index.ts';

/** Grey placeholder lines while a block loads; announced once as "loading". */
export function Skeleton({ rows = 3 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="sr-only">{t('app.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} className="skeleton__line" style={{ width: `${90 - ((i * 17) % 40)}%` }} aria-hidden="true" />
      ))}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <svg className="state__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <path
          d="M8 14h32v24a2 2 0 0 1-2 2H10a2 2 0 0 1-2-2zM8 14l5-6h22l5 6M18 22h12"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      <p className="state__title">{title}</p>
      {children}
    </div>
  );
}

export type TagTone = 'red' | 'orange' | 'blue' | 'green' | 'gold' | 'grey' | 'primary';

/** A small label; the tones are chosen for ≥ 4.5:1 text contrast. */
export function Tag({ tone = 'grey', children }: { tone?: TagTone; children: ReactNode }) {
  return <span className={`tag tag--${tone}`}>{children}</span>;
}
