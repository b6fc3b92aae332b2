import { ChannelEditor } from '../components/ChannelEditor.tsx';
import { IntegrationsPage } from '../components/IntegrationsPage.tsx';
import { useIntegrationsT } from '../i18n/index.ts';

/** 新建通道: the editor without a channel; saving creates it and opens it (with its secret, once). */
export default function NewChannelPage() {
  const { t } = useIntegrationsT();
  return (
    <IntegrationsPage title={t('channels.new')}>
      <ChannelEditor />
    </IntegrationsPage>
  );
}
