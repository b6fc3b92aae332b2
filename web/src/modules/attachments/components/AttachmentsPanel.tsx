import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { attachmentBlob, downloadAttachment, imageVariant, previewKind, uploadAttachment } from '../api/attachments.ts';
import { isApiError } from '../../../app/api/client.ts';
import type { Attachment } from '../../../app/api/types.ts';
import { useFormat } from '../../../app/format/format.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Dialog } from '../../../app/ui/Dialog.tsx';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { Skeleton } from '../../../app/ui/states.tsx';
import { showToast } from '../../../app/ui/toast.tsx';
import { DeleteButton } from '../../../app/ui/records/DeleteButton.tsx';
import { RelationList } from '../../../app/ui/records/RelationList.tsx';

interface Upload {
  key: number;
  name: string;
  progress: number;
  error?: string;
  abort: () => void;
}

let uploadKey = 0;

/** Files on the customer and its records: upload with progress, preview of images and PDFs, download. */
export function AttachmentsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [preview, setPreview] = useState<Attachment | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const patch = (key: number, change: Partial<Upload> | null) =>
    setUploads((list) =>
      change ? list.map((u) => (u.key === key ? { ...u, ...change } : u)) : list.filter((u) => u.key !== key),
    );

  const start = (file: File) => {
    const key = ++uploadKey;
    const handle = uploadAttachment('customer', customerId, file, (progress) => patch(key, { progress }));
    setUploads((list) => [...list, { key, name: file.name, progress: 0, abort: handle.abort }]);
    handle.promise.then(
      () => {
        patch(key, null);
        showToast(t('attachment.uploaded', { name: file.name }));
        void queryClient.invalidateQueries({ queryKey: ['attachments'] });
      },
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') patch(key, null);
        else patch(key, { error: isApiError(error) ? error.message : String(error) });
      },
    );
  };

  const download = (attachment: Attachment) => {
    setDownloadError(null);
    downloadAttachment(attachment).catch(setDownloadError);
  };

  return (
    <>
      <RelationList
        customerId={customerId}
        relation="attachments"
        emptyText={t('attachment.empty')}
        toolbar={
          <div className="uploader">
            <label className="btn btn--small uploader__button">
              + {t('attachment.upload')}
              <input
                type="file"
                className="sr-only"
                multiple
                data-testid="attachment-upload"
                onChange={(event) => {
                  for (const file of event.target.files ?? []) start(file);
                  event.target.value = '';
                }}
              />
            </label>
            <span className="muted uploader__hint">{t('attachment.hint')}</span>
            {uploads.length > 0 && (
              <ul className="uploads" aria-live="polite">
                {uploads.map((u) => (
                  <li key={u.key} className={u.error ? 'uploads__item is-error' : 'uploads__item'}>
                    <span className="uploads__name">{u.name}</span>
                    {u.error ? (
                      <span role="alert" className="form-error">
                        {u.error}
                      </span>
                    ) : (
                      <progress max={1} value={u.progress} aria-label={t('attachment.uploading', { name: u.name })} />
                    )}
                    <button
                      type="button"
                      className="btn btn--small"
                      onClick={() => (u.error ? patch(u.key, null) : u.abort())}
                    >
                      {u.error ? t('common.close') : t('common.cancel')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {downloadError !== null && <ErrorState error={downloadError} compact />}
          </div>
        }
      >
        {(attachments) => (
          <ul className="files">
            {attachments.some((a) => a.processing === 'pending') && <RefreshWhilePending />}
            {attachments.map((a) => (
              <li key={a.id} className="files__item">
                <Thumbnail attachment={a} />
                <div className="files__main">
                  <span className="files__name">{a.name}</span>
                  <span className="muted files__meta">
                    {format.fileSize(imageVariant(a, 'web')?.bytes ?? a.sizeBytes)} · {format.dateTime(a.createdAt)}
                  </span>
                  {a.processing === 'pending' && (
                    <span className="muted files__state" data-testid="attachment-processing">
                      {t('attachment.processing')}
                    </span>
                  )}
                  {a.processing === 'failed' && (
                    <span className="form-error files__state" title={a.processingError ?? undefined}>
                      {t('attachment.processingFailed')}
                    </span>
                  )}
                </div>
                <div className="files__actions">
                  {previewKind(a.mimeType) && (
                    <button
                      type="button"
                      className="btn btn--small"
                      onClick={() => setPreview(a)}
                      aria-label={`${t('attachment.preview')} ${a.name}`}
                    >
                      {t('attachment.preview')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => download(a)}
                    aria-label={`${t('attachment.download')} ${a.name}`}
                  >
                    {t('attachment.download')}
                  </button>
                  <DeleteButton resource="attachments" object="attachment" record={a} id={a.id} name={a.name} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </RelationList>
      <Dialog open={preview !== null} onClose={() => setPreview(null)} title={preview?.name ?? ''}>
        {preview && (
          <Preview attachment={preview} onDownload={() => download(preview)} onClose={() => setPreview(null)} />
        )}
      </Dialog>
    </>
  );
}

/** While an image is being converted, the list is asked again every 3 s (the job takes a moment). */
function RefreshWhilePending() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const timer = setInterval(() => void queryClient.invalidateQueries({ queryKey: ['attachments'] }), 3000);
    return () => clearInterval(timer);
  }, [queryClient]);
  return null;
}

/** The 256 px WebP thumbnail of a converted image (the server serves it to the session's cookie). */
function Thumbnail({ attachment }: { attachment: Attachment }) {
  const thumb = imageVariant(attachment, 'thumb');
  if (!thumb) return null;
  return (
    <img
      className="files__thumb"
      src={thumb.url}
      width={thumb.width}
      height={thumb.height}
      alt=""
      loading="lazy"
      decoding="async"
      data-testid="attachment-thumb"
    />
  );
}

function Preview({
  attachment,
  onDownload,
  onClose,
}: {
  attachment: Attachment;
  onDownload: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const web = imageVariant(attachment, 'web');
  const blob = useQuery({
    queryKey: ['attachment-blob', attachment.id],
    queryFn: ({ signal }) => attachmentBlob(attachment.id, signal),
    staleTime: Infinity,
    gcTime: 60_000,
    enabled: !web,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob.data) return;
    const objectUrl = URL.createObjectURL(blob.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob.data]);

  const kind = previewKind(attachment.mimeType);
  return (
    <div className="preview">
      {web ? (
        <img
          src={web.url}
          width={web.width}
          height={web.height}
          alt={attachment.name}
          className="preview__image"
          data-testid="attachment-web-variant"
        />
      ) : blob.isError ? (
        <ErrorState error={blob.error} onRetry={() => void blob.refetch()} retrying={blob.isFetching} />
      ) : !url ? (
        <Skeleton rows={4} />
      ) : kind === 'image' ? (
        <img src={url} alt={attachment.name} className="preview__image" />
      ) : (
        <iframe src={url} title={attachment.name} className="preview__pdf" />
      )}
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="button" className="btn btn--primary" onClick={onDownload}>
          {t('attachment.download')}
        </button>
      </div>
    </div>
  );
}
