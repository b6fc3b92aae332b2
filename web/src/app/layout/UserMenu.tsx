import { useEffect, useId, useRef, useState } from 'react';
import { useLogout, useMe } from '../../modules/auth/session.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { useTranslation } from '../i18n/index.ts';
import { Link } from 'wouter';

/** Header menu: who is signed in, the language switcher and sign-out. Escape or a click outside closes it. */
export function UserMenu() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        trigger.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const name = me?.displayName ?? '';
  return (
    <div className="user-menu" ref={root}>
      <button
        ref={trigger}
        type="button"
        className="user-menu__trigger"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase() || '·'}
        </span>
        {name && <span className="user-menu__name">{name}</span>}
        {/* the name it shows, then what it is: the accessible name contains the visible text (WCAG 2.5.3) */}
        <span className="sr-only"> {t('user.menu')}</span>
      </button>
      {open && (
        <div id={panelId} className="user-menu__panel" role="group" aria-label={t('user.menu')}>
          {me && (
            <div className="user-menu__who">
              <strong>{me.displayName}</strong>
              <span>
                {me.username} · {me.tenantName}
              </span>
            </div>
          )}
          <div className="user-menu__row">
            <LanguageSwitch />
          </div>
          <Link to="/me" className="user-menu__item" onClick={() => setOpen(false)}>
            {t('me.title')}
          </Link>
          <button type="button" className="user-menu__item user-menu__item--danger" onClick={() => void logout()}>
            {t('user.logout')}
          </button>
        </div>
      )}
    </div>
  );
}
