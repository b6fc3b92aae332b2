import { useState } from 'react';
import type { FormInstance } from 'antd';
import type { components } from '../../../app/api/schema.d.ts';
import type { CustomField } from '../../../app/api/types.ts';
import { uploadMultipart } from '../../../app/api/transfer.ts';
import type { Values } from '../../../app/forms/values.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Dialog } from '../../../app/ui/Dialog.tsx';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';

type LicenceFields = components['schemas']['BusinessLicenceFields'];

/** Custom fields (by key) the legal representative and the address go into when the company has them. */
const CUSTOM_TARGETS = { legalRepresentative: 'legalRepresentative', address: 'address' } as const;

/**
 * "扫描营业执照": sends one photo to POST /api/v1/ocr/business-licence and shows what the provider
 * read for the rep to check; "填入表单" then fills the name, the credit code and — where the company
 * has custom fields keyed `legalRepresentative` / `address` — those two. The photo goes straight
 * to the API (nothing is kept in the browser's storage) and nothing is saved until the form is.
 */
export function LicenceScanButton({ form, defs }: { form: FormInstance<Values>; defs: readonly CustomField[] }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<LicenceFields | null>(null);
  const hasCustom = (key: string) => defs.some((d) => d.key === key && d.type === 'text');

  const scan = (file: File) => {
    const body = new FormData();
    body.append('file', file, file.name);
    setBusy(true);
    setError(null);
    uploadMultipart<{ data: LicenceFields }>('/ocr/business-licence', body)
      .promise.then((response) => setResult(response.data), setError)
      .finally(() => setBusy(false));
  };

  const apply = (fields: LicenceFields) => {
    const values: Values = {};
    if (fields.name) values.name = fields.name;
    if (fields.creditCode) values.creditCode = fields.creditCode;
    const custom = { ...((form.getFieldValue('custom') as Values | undefined) ?? {}) };
    for (const [field, key] of Object.entries(CUSTOM_TARGETS)) {
      const value = fields[field as keyof typeof CUSTOM_TARGETS];
      if (value && hasCustom(key)) custom[key] = value;
    }
    form.setFieldsValue({ ...values, custom });
    setResult(null);
  };

  const rows: Array<{ label: string; value: string | null; testId: string; filled: boolean }> = result
    ? [
        { label: t('customer.fields.name'), value: result.name, testId: 'name', filled: true },
        { label: t('customer.fields.creditCode'), value: result.creditCode, testId: 'creditCode', filled: true },
        {
          label: t('licenceScan.legalRepresentative'),
          value: result.legalRepresentative,
          testId: 'legalRepresentative',
          filled: hasCustom(CUSTOM_TARGETS.legalRepresentative),
        },
        {
          label: t('licenceScan.address'),
          value: result.address,
          testId: 'address',
          filled: hasCustom(CUSTOM_TARGETS.address),
        },
      ]
    : [];

  return (
    <div className="licence-scan">
      <label className={busy ? 'btn btn--small is-busy' : 'btn btn--small'} aria-busy={busy}>
        {busy ? t('licenceScan.scanning') : t('licenceScan.scan')}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          className="sr-only"
          disabled={busy}
          data-testid="licence-scan-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) scan(file);
          }}
        />
      </label>
      {error !== null && <ErrorState error={error} compact />}
      <Dialog
        open={result !== null}
        onClose={() => setResult(null)}
        title={t('licenceScan.title')}
        testId="licence-scan"
      >
        {result && (
          <>
            <p className="muted">{t('licenceScan.hint')}</p>
            <dl className="licence-scan__fields">
              {rows.map((row) => (
                <div key={row.testId} data-testid={`licence-${row.testId}`}>
                  <dt>{row.label}</dt>
                  <dd>
                    {row.value ?? t('common.none')}
                    {row.value && !row.filled && <span className="muted"> · {t('licenceScan.notInForm')}</span>}
                  </dd>
                </div>
              ))}
            </dl>
            <p className="muted">{t('licenceScan.confidence', { value: `${Math.round(result.confidence * 100)}%` })}</p>
            {result.warnings.map((warning) => (
              <p key={warning} className="form-error">
                {warning}
              </p>
            ))}
            <div className="dialog__actions">
              <button type="button" className="btn" onClick={() => setResult(null)}>
                {t('common.cancel')}
              </button>
              <button type="button" className="btn btn--primary" onClick={() => apply(result)}>
                {t('licenceScan.apply')}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </div>
  );
}
