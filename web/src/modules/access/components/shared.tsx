import type { ReactNode } from 'react';
import { Tag, Tooltip } from 'antd';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { labelOf, useAccessT, type AccessKey, type AccessT } from '../i18n/index.ts';
import { MAX_INHERITANCE_DEPTH } from '../api/access.ts';
import '../access.css';

/** Page frame: title (also the document title), intro text, actions on the right. */
export function AccessPage({
  title,
  intro,
  actions,
  children,
  wide = true,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  useDocumentTitle(title);
  return (
    <div className={wide ? 'page page--wide acc-page' : 'page page--form acc-page'}>
      <div className="page__head">
        <h1 className="page__title">{title}</h1>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {intro && <p className="acc-intro">{intro}</p>}
      {children}
    </div>
  );
}

/** Loading placeholder, announced once. */
export function Loading({ rows = 4 }: { rows?: number }) {
  const { t } = useAccessT();
  return (
    <div className="acc-loading" role="status" aria-live="polite">
      <span className="sr-only">{t('common.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} className="acc-loading__line" style={{ width: `${92 - ((i * 19) % 45)}%` }} aria-hidden="true" />
      ))}
    </div>
  );
}

export function EmptyBlock({ children }: { children: ReactNode }) {
  return (
    <div className="acc-empty" role="note">
      {children}
    </div>
  );
}

const scopeColors: Record<string, string> = {
  own: 'blue',
  own_assigned: 'geekblue',
  department: 'cyan',
  department_tree: 'green',
  all: 'gold',
  custom: 'purple',
  inherit: 'default',
  none: 'default',
};

/** 本人 / 本人及指派 / … with the scope's meaning as the accessible description. */
export function ScopeTag({ scope, filter }: { scope: string; filter?: Record<string, unknown> | null }) {
  const { t } = useAccessT();
  const hint = t(`scopeHint.${scope}` as AccessKey, { defaultValue: scope });
  const filterText = filter && Object.keys(filter).length ? JSON.stringify(filter) : null;
  return (
    <Tooltip title={filterText ? `${hint}: ${filterText}` : hint}>
      <Tag color={scopeColors[scope] ?? 'default'} className="acc-scope" bordered={false}>
        {labelOf(t, 'scope', scope)}
        {filterText && <span className="sr-only">: {filterText}</span>}
      </Tag>
    </Tooltip>
  );
}

export function chainText(t: AccessT, names: readonly string[]): string {
  return names.join(t('common.chainSeparator'));
}

/** Role names joined with ›, the first one emphasised. */
export function Chain({ names, emphasiseFirst = true }: { names: readonly string[]; emphasiseFirst?: boolean }) {
  const { t } = useAccessT();
  return (
    <span className="acc-chain">
      {names.map((name, i) => (
        <span key={`${i}:${name}`}>
          {i > 0 && (
            <span className="acc-chain__sep" aria-hidden="true">
              {t('common.chainSeparator')}
            </span>
          )}
          {i > 0 && <span className="sr-only">{t('common.chainSeparator')}</span>}
          <span className={i === 0 && emphasiseFirst ? 'acc-chain__name acc-chain__name--first' : 'acc-chain__name'}>
            {name}
          </span>
        </span>
      ))}
    </span>
  );
}

/** Why a role grants nothing right now, in the current language (the server's text is English). */
export function suspensionText(
  t: AccessT,
  role: { chain: string[]; status: string; suspendedReason: string | null; depth?: number; cycle?: boolean },
): string | null {
  if (!role.suspendedReason && role.status !== 'suspended') return null;
  const reason = role.suspendedReason ?? '';
  const depth = role.depth ?? role.chain.length - 1;
  if (role.cycle || /cycle/i.test(reason)) return t('chain.cycle', { chain: chainText(t, role.chain) });
  if (depth > MAX_INHERITANCE_DEPTH)
    return t('chain.tooDeep', { chain: chainText(t, role.chain), depth, max: MAX_INHERITANCE_DEPTH });
  if (role.status === 'disabled' || /disabled/i.test(reason)) return t('chain.disabled');
  return reason || t('roleStatus.suspended');
}

export function RoleStatusTag({ role }: { role: { status: string; suspendedReason: string | null } }) {
  const { t } = useAccessT();
  if (role.suspendedReason) return <Tag color="error">{t('roleStatus.suspended')}</Tag>;
  if (role.status === 'disabled') return <Tag>{t('roleStatus.disabled')}</Tag>;
  if (role.status === 'suspended') return <Tag color="error">{t('roleStatus.suspended')}</Tag>;
  return <Tag color="success">{labelOf(t, 'roleStatus', role.status)}</Tag>;
}

export function useDateTime(): (iso: string | null | undefined) => string {
  const { language, t } = useAccessT();
  return (iso) => {
    if (!iso) return t('common.none');
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  };
}

export function useDate(): (iso: string | null | undefined) => string {
  const { language, t } = useAccessT();
  return (iso) => {
    if (!iso) return t('common.none');
    const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00` : iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
  };
}
