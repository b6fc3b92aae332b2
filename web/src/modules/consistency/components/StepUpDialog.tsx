import { useState } from 'react';
import { Button, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { useIntegrationsT } from '../../integrations/i18n/index.ts';
import { sendStepUpCode, verifyStepUp } from '../api/consistency.ts';

/**
 * Step-up confirmation for a risky operation: the employee number, then the one-time code (SMS, or
 * the authenticator app); hands the token to `onVerified`, which sends it as `x-step-up-token`.
 */
export function StepUpDialog({ onVerified, onClose }: { onVerified: (token: string) => void; onClose: () => void }) {
  const { t } = useIntegrationsT();
  const [employeeNo, setEmployeeNo] = useState('');
  const [code, setCode] = useState('');
  const send = useMutation({ mutationFn: () => sendStepUpCode(employeeNo.trim()) });
  const verify = useMutation({
    mutationFn: () => verifyStepUp(code.trim()),
    onSuccess: (result) => onVerified(result.stepUpToken),
  });
  return (
    <Modal open title={t('stepUp.title')} footer={null} onCancel={onClose} destroyOnHidden>
      <p>{t('stepUp.intro')}</p>
      <Form layout="vertical" onFinish={() => send.mutate()}>
        <Form.Item label={t('stepUp.employeeNo')} htmlFor="step-up-employee">
          <Input
            id="step-up-employee"
            autoComplete="off"
            value={employeeNo}
            onChange={(e) => setEmployeeNo(e.target.value)}
          />
        </Form.Item>
        <Button htmlType="submit" loading={send.isPending} disabled={!employeeNo.trim()}>
          {t('stepUp.send')}
        </Button>
      </Form>
      {send.isError && <ErrorBlock error={send.error} fallback="saveFailed" />}
      {send.data && <p role="status">{t('stepUp.sentTo', { phone: send.data.sentTo })}</p>}
      <Form layout="vertical" onFinish={() => verify.mutate()}>
        <Form.Item label={t('stepUp.code')} htmlFor="step-up-code">
          <Input
            id="step-up-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={verify.isPending} disabled={!code.trim()}>
          {t('stepUp.verify')}
        </Button>
      </Form>
      {verify.isError && <ErrorBlock error={verify.error} fallback="saveFailed" />}
    </Modal>
  );
}
