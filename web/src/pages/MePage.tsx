import { Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../auth/session.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FieldList } from '../components/FieldList.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useEnumLabel } from '../i18n/hooks.ts';

/** "我的" tab on the phone: profile, language and sign-out within thumb reach. */
export default function MePage() {
  const { t } = useTranslation();
  const me = useMe();
  const label = useEnumLabel();
  const logout = useLogout();
  return (
    <div className="page">
      <h1 className="page__title">{me.data?.displayName ?? t('me.title')}</h1>
      {me.isPending ? (
        <Skeleton active />
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
      <div className="me__row">
        <span>{t('language.label')}</span>
        <LanguageSwitch />
      </div>
      <Button danger block size="large" onClick={() => void logout()}>
        {t('user.logout')}
      </Button>
    </div>
  );
}
