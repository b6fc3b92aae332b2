import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder for tabs whose screens come in a later task. */
export default function ComingSoonPage({ section }: { section: 'followups' | 'todos' }) {
  const { t } = useTranslation();
  const name = t(`nav.${section}`);
  return (
    <div className="page">
      <h1 className="page__title">{name}</h1>
      <Empty description={t('common.comingSoon', { name })} />
    </div>
  );
}
