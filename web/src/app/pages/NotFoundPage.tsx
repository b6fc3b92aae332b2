import { EmptyState } from '../ui/states.tsx';
import { useTranslation } from '../i18n/index.ts';
import { Link } from 'wouter';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page page--center">
      <h1 className="page__title">{t('notFound.title')}</h1>
      <EmptyState title={t('notFound.hint')}>
        <Link to="/" className="btn btn--primary">
          {t('notFound.backHome')}
        </Link>
      </EmptyState>
    </div>
  );
}
