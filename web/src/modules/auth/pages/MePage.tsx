import { adminItems } from '../../../app/layout/navItems.ts';
import { usePermission } from '../permissions.ts';
import { useLogout, useMe } from '../session.ts';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { FieldList } from '../../../app/ui/FieldList.tsx';
import { ChevronIcon } from '../../../app/ui/icons.tsx';
import { LanguageSwitch } from '../../../app/ui/LanguageSwitch.tsx';
import { Skeleton } from '../../../app/ui/states.tsx';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';

/** The admin pages a phone offers (the access-control pages are desk-only). */
const phoneAdminKeys = new Set(['users', 'departments', 'customFields', 'settings']);

/** "我的" tab on the phone: profile, language, recycle bin, admin pages and sign-out within thumb reach. */
export default function MePage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = usePermission();
  const adminLinks = adminItems.filter((item) => phoneAdminKeys.has(item.key) && (item.visible?.(can) ?? true));
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
        {adminLinks.map((item) => (
          <Link key={item.key} to={item.path} className="link-list__item">
            {t(`nav.${item.key}`)} <ChevronIcon aria-hidden="true" />
          </Link>
        ))}
      </nav>
      <button type="button" className="btn btn--danger btn--block" onClick={() => void logout()}>
        {t('user.logout')}
      </button>
    </div>
  );
}
