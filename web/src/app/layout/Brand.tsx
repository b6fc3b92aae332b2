import { useTranslation } from '../i18n/index.ts';

export function Brand({ short = false }: { short?: boolean }) {
  const { t } = useTranslation();
  const name = t('app.name');
  return <span className="brand">{short ? name.slice(0, 1) : name}</span>;
}
