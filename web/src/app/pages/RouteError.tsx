import { useTranslation } from '../i18n/index.ts';

const CHUNK_ERROR =
  /dynamically imported module|Importing a module script failed|error loading dynamically|Failed to fetch/i;

/** Render errors and failed chunk loads (typically right after a deploy). Plain React: it ships in the entry chunk. */
export default function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const chunkFailed = error instanceof Error && CHUNK_ERROR.test(error.message);
  return (
    <div className="page page--center" role="alert">
      <h1 className="page__title">{chunkFailed ? t('errors.chunkFailed') : t('errors.generic')}</h1>
      {!chunkFailed && error instanceof Error && <p className="muted">{error.message}</p>}
      <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
        {t('errors.reload')}
      </button>
    </div>
  );
}
