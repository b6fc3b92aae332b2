import { Button, Empty } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="page page--center">
      <h1 className="page__title">{t('notFound.title')}</h1>
      <Empty description={false} />
      <Button type="primary" onClick={() => void navigate('/')}>
        {t('notFound.backHome')}
      </Button>
    </div>
  );
}
