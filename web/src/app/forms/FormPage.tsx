import type { ReactNode } from 'react';
import { Alert, Button, Form, Modal, type FormInstance } from 'antd';
import { Link } from 'wouter';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useTranslation } from '../i18n/index.ts';
import { BackLink } from '../ui/BackLink.tsx';
import { describeError } from '../ui/describeError.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { Skeleton } from '../ui/states.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import type { RecordFormState } from './useRecordForm.ts';
import type { Values } from './values.ts';

interface FormPageProps {
  title: string;
  backTo: string;
  backLabel: string;
  state: RecordFormState;
  form: FormInstance<Values>;
  initialValues?: Values;
  children: ReactNode;
  onCancel: () => void;
}

/** Title, back link, the antd form, error banners, the conflict dialog and a sticky save bar. */
export function FormPage({ title, backTo, backLabel, state, form, initialValues, children, onCancel }: FormPageProps) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className="page page--form">
      <BackLink to={backTo}>{backLabel}</BackLink>
      <h1 className="page__title">{title}</h1>
      {state.loading ? (
        <Skeleton rows={8} />
      ) : state.loadError ? (
        <ErrorState error={state.loadError} onRetry={state.retryLoad} />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={state.submit}
          onFinishFailed={({ errorFields }) =>
            errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center', focus: true })
          }
          disabled={state.saving}
          scrollToFirstError={false}
          className="record-form m-card"
        >
          {state.duplicate && (
            <Alert
              type="warning"
              showIcon
              className="form-banner"
              role="alert"
              message={t('form.duplicateTitle')}
              description={state.duplicate.message}
              action={
                <Link
                  className="btn btn--small btn--primary"
                  to={`/customers/${encodeURIComponent(state.duplicate.existingId)}`}
                >
                  {t('form.openExisting')}
                </Link>
              }
            />
          )}
          {state.banner !== null && !state.duplicate && (
            <Alert
              type="error"
              showIcon
              className="form-banner"
              role="alert"
              message={describeError(t, state.banner, 'saveFailed').headline}
              description={describeError(t, state.banner).detail}
            />
          )}
          {children}
          <div className="form-actions">
            <Button onClick={onCancel}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={state.saving}>
              {t('common.save')}
            </Button>
          </div>
        </Form>
      )}
      {state.conflict && <ConflictDialog state={state} />}
    </div>
  );
}

export interface RecordModalProps {
  title: string;
  open: boolean;
  onClose: () => void;
  state: RecordFormState;
  form: FormInstance<Values>;
  initialValues?: Values;
  children: ReactNode;
}

/** The same form contract in a dialog (admin pages). */
export function RecordModal({ title, open, onClose, state, form, initialValues, children }: RecordModalProps) {
  const { t } = useTranslation();
  return (
    <>
      <Modal
        open={open}
        title={title}
        onCancel={onClose}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: state.saving, disabled: state.loading }}
        onOk={() => form.submit()}
      >
        {state.loading ? (
          <Skeleton rows={5} />
        ) : state.loadError ? (
          <ErrorState error={state.loadError} onRetry={state.retryLoad} />
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={initialValues}
            onFinish={state.submit}
            disabled={state.saving}
          >
            {state.banner !== null && (
              <Alert
                type="error"
                showIcon
                className="form-banner"
                role="alert"
                message={describeError(t, state.banner, 'saveFailed').headline}
                description={describeError(t, state.banner).detail}
              />
            )}
            {children}
            <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
          </Form>
        )}
      </Modal>
      {state.conflict && <ConflictDialog state={state} />}
    </>
  );
}
