import { useId, useState } from 'react';
import { Alert, Button, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import {
  importChannelsQuery,
  previewImport,
  uploadImport,
  type ImportChannel,
  type ImportRecord,
  type Preview,
} from '../api/imports.ts';
import { MappingTable } from '../components/MappingTable.tsx';
import { PreviewTable } from '../components/PreviewTable.tsx';
import { RunPanel } from '../components/RunPanel.tsx';
import { useImportsT } from '../i18n/index.ts';
import '../imports.css';

const PREVIEW_ROWS = 50;

/** 集成中心 → 导入: upload a CSV/XLSX file, check the column mapping, preview, run with a live progress bar. */
export default function ImportsPage() {
  const { t } = useImportsT();
  useDocumentTitle(t('title'));
  const queryClient = useQueryClient();
  const channels = useQuery(importChannelsQuery);
  const [channelId, setChannelId] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploaded, setUploaded] = useState<ImportRecord | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const fileInput = useId();
  const channelInput = useId();
  const channel = channels.data?.find((c) => c.id === channelId) ?? channels.data?.[0];

  async function upload() {
    if (!channel || !file) return;
    setUploading(true);
    setFailure(null);
    setPreview(null);
    try {
      setUploaded((await uploadImport(channel.id, file).promise).data);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setUploading(false);
    }
  }

  async function runPreview() {
    if (!uploaded) return;
    setPreviewing(true);
    setFailure(null);
    try {
      setPreview(await previewImport(uploaded.id, PREVIEW_ROWS));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setPreviewing(false);
    }
  }

  const mappingSaved = (saved: ImportChannel) => {
    queryClient.setQueryData(importChannelsQuery.queryKey, (all: ImportChannel[] | undefined) =>
      (all ?? []).map((c) => (c.id === saved.id ? saved : c)),
    );
    setPreview(null);
  };

  return (
    <div className="page page--wide imports-page">
      <div className="page__head">
        <h1 className="page__title">{t('title')}</h1>
      </div>
      <p>{t('intro')}</p>

      <section aria-labelledby="imports-upload">
        <h2 id="imports-upload">{t('steps.upload')}</h2>
        {channels.isSuccess && channels.data.length === 0 && (
          <Alert type="warning" showIcon message={t('upload.noChannels')} />
        )}
        <div className="imports-form">
          <label htmlFor={channelInput}>{t('upload.channel')}</label>
          <Select
            id={channelInput}
            style={{ minWidth: 260 }}
            placeholder={t('upload.channelPlaceholder')}
            loading={channels.isPending}
            value={channel?.id}
            onChange={(id: string) => {
              setChannelId(id);
              setUploaded(null);
            }}
            options={(channels.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.key})` }))}
          />
          <label htmlFor={fileInput}>{t('upload.file')}</label>
          <input
            id={fileInput}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          <Button type="primary" onClick={() => void upload()} disabled={!channel || !file} loading={uploading}>
            {uploading ? t('upload.uploading') : t('upload.submit')}
          </Button>
        </div>
        <p className="imports-hint">{t('upload.hint')}</p>
        {uploaded && (
          <p data-testid="imports-uploaded">
            {t('upload.uploaded', {
              file: uploaded.fileName,
              rows: uploaded.progress.totalRows,
              columns: uploaded.columns.length,
            })}
          </p>
        )}
      </section>

      {failure && <Alert type="error" showIcon message={failure} role="alert" />}

      {uploaded && channel && (
        <>
          <MappingTable
            key={`${channel.id}-${uploaded.id}`}
            channel={channel}
            columns={uploaded.columns}
            onSaved={mappingSaved}
          />
          {uploaded.mappingWarnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('mapping.warnings')}
              description={uploaded.mappingWarnings.join('；')}
            />
          )}
          <section aria-labelledby="imports-preview">
            <h2 id="imports-preview">{t('steps.preview')}</h2>
            <Button onClick={() => void runPreview()} loading={previewing}>
              {previewing ? t('preview.running') : t('preview.run', { count: PREVIEW_ROWS })}
            </Button>
            {preview && <PreviewTable preview={preview} />}
          </section>
          <RunPanel key={uploaded.id} initial={uploaded} />
        </>
      )}
    </div>
  );
}
