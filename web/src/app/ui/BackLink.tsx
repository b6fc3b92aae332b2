import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'wouter';
import { navigate } from '../routing/router.tsx';

/** Goes back in history when we came from inside the app (keeps list filters and scroll), else to `to`. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
      event.preventDefault();
      navigate(-1);
    }
  };
  return (
    <Link to={to} onClick={onClick} className="back-link">
      <span aria-hidden="true">‹ </span>
      {children}
    </Link>
  );
}
