import { Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { addDraftVersion, invalidateReports, type DefinitionDocument, type MetricDefinition } from '../api/reports.ts';
import { useReportsT } from '../i18n/index.ts';
import { ErrorBlock } from './ReportsPage.tsx';
import { currentVersion, nextSemver } from './versions.ts';

interface Values {
  semver: string;
  validFrom: string;
  changeNote: string;
  document: string;
}

/** A new draft version: semver, validFrom, change note and the definition document as JSON (checked by the server's zod schema). */
export function DraftModal({
  definition,
  open,
  onClose,
}: {
  definition: MetricDefinition;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useReportsT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const base = currentVersion(definition) ?? definition.versions.at(-1);
  const create = useMutation({
    mutationFn: (values: Values) =>
      addDraftVersion(definition.id, {
        semver: values.semver,
        validFrom: values.validFrom,
        changeNote: values.changeNote,
        document: JSON.parse(values.document) as DefinitionDocument,
      }),
    onSuccess: (_, values) => {
      void queryClient.invalidateQueries({ queryKey: invalidateReports });
      void message.success(t('definition.draftCreated', { version: values.semver }));
      form.resetFields();
      onClose();
    },
  });
  const isJson = (_: unknown, value: string) => {
    try {
      JSON.parse(value);
      return Promise.resolve();
    } catch {
      return Promise.reject(new Error(t('definition.documentInvalid')));
    }
  };
  return (
    <Modal
      open={open}
      title={t('definition.newDraft')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          semver: nextSemver(definition),
          validFrom: new Date().toISOString().slice(0, 10),
          changeNote: '',
          document: JSON.stringify(base?.document ?? {}, null, 2),
        }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item
          name="semver"
          label={t('definition.semver')}
          extra={t('definition.semverHint')}
          rules={[{ required: true, message: t('definition.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="validFrom"
          label={t('common.validFrom')}
          rules={[{ required: true, message: t('definition.required') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="changeNote"
          label={t('definition.changeNote')}
          rules={[{ required: true, message: t('definition.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="document"
          label={t('definition.document')}
          rules={[{ required: true, message: t('definition.required') }, { validator: isJson }]}
        >
          <Input.TextArea rows={14} className="rep-json" spellCheck={false} />
        </Form.Item>
      </Form>
      {create.isError && <ErrorBlock error={create.error} fallback="saveFailed" />}
    </Modal>
  );
}
