import { Button } from 'antd';
import { useRouteError } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

const CHUNK_ERROR = /dynamically imported module|Importing a module script failed|error loading dynamically/i;

/** Catches render errors and failed chunk loads (typically right after a deploy). Kept light: it ships in the entry chunk. */
export default function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const chunkFailed = error instanceof Error && CHUNK_ERROR.test(error.message);
  return (
    <div className="page page--center" role="alert">
      <h1 className="page__title">{chunkFailed ? t('errors.chunkFailed') : t('errors.generic')}</h1>
      {!chunkFailed && error instanceof Error && <p className="muted">{error.message}</p>}
      <Button type="primary" onClick={() => window.location.reload()}>
        {t('errors.reload')}
      </Button>
    </div>
  );
}
