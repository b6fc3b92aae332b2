import { isAdmin, useLogout, useMe } from '../session.ts';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { FieldList } from '../../../app/ui/FieldList.tsx';
import { ChevronIcon } from '../../../app/ui/icons.tsx';
import { LanguageSwitch } from '../../../app/ui/LanguageSwitch.tsx';
import { Skeleton } from '../../../app/ui/states.tsx';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation, type MessageKey } from '../../../app/i18n/index.ts';
import { Link } from '../../../app/routing/router.tsx';

const adminLinks: Array<{ to: string; label: MessageKey }> = [
  { to: '/admin/users', label: 'nav.users' },
  { to: '/admin/departments', label: 'nav.departments' },
  { to: '/admin/custom-fields', label: 'nav.customFields' },
  { to: '/admin/settings', label: 'nav.settings' },
];

/** "我的" tab on the phone: profile, language, recycle bin, admin pages and sign-out within thumb reach. */
export default function MePage() {
  const { t } = useTranslation();
  const me = useMe();
  const label = useEnumLabel();
  const logout = useLogout();
  return (
    <div className="page">
      <h1 className="page__title">{me.data?.displayName ?? t('me.title')}</h1>
      <div className="m-card">
        {me.isPending ? (
          <Skeleton />
        ) : me.isError ? (
          <ErrorState error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />
        ) : (
          <FieldList
            items={[
              { label: t('user.username'), value: me.data.username },
              { label: t('user.role'), value: label('role', me.data.role) },
              { label: t('user.tenant'), value: me.data.tenantName },
            ]}
          />
        )}
      </div>
      <div className="m-card me__row">
        <LanguageSwitch />
      </div>
      <nav className="m-card link-list" aria-label={t('me.more')}>
        <Link to="/recycle-bin" className="link-list__item">
          {t('nav.recycleBin')} <ChevronIcon aria-hidden="true" />
        </Link>
        {isAdmin(me.data) &&
          adminLinks.map((link) => (
            <Link key={link.to} to={link.to} className="link-list__item">
              {t(link.label)} <ChevronIcon aria-hidden="true" />
            </Link>
          ))}
      </nav>
      <button type="button" className="btn btn--danger btn--block" onClick={() => void logout()}>
        {t('user.logout')}
      </button>
    </div>
  );
}
