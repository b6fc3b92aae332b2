import { useQuery } from '@tanstack/react-query';
import { customFieldsQuery } from '../../custom-fields/api/customFields.ts';
import { useCustomerFieldView } from './customerFields.tsx';
import { AttachmentsPanel } from '../../attachments/components/AttachmentsPanel.tsx';
import { ContactsPanel } from '../../contacts/components/ContactsPanel.tsx';
import { ContractsPanel } from '../../contracts/components/ContractsPanel.tsx';
import { FollowupsPanel } from '../../followups/components/FollowupsPanel.tsx';
import { HistoryPanel } from '../../history/components/HistoryPanel.tsx';
import { OpportunitiesPanel } from '../../opportunities/components/OpportunitiesPanel.tsx';

export type RelatedKind = 'contacts' | 'opportunities' | 'followups' | 'contracts' | 'attachments' | 'history';

/** One related list of a customer; the same panels back the desk tabs and the phone's tap-to-open sections. */
export function RelatedPanel({
  kind,
  customerId,
  composer,
}: {
  kind: RelatedKind;
  customerId: string;
  composer?: boolean;
}) {
  switch (kind) {
    case 'contacts':
      return <ContactsPanel customerId={customerId} />;
    case 'opportunities':
      return <OpportunitiesPanel customerId={customerId} />;
    case 'followups':
      return <FollowupsPanel customerId={customerId} composer={composer} />;
    case 'contracts':
      return <ContractsPanel customerId={customerId} />;
    case 'attachments':
      return <AttachmentsPanel customerId={customerId} />;
    case 'history':
      return <CustomerHistory customerId={customerId} />;
  }
}

function CustomerHistory({ customerId }: { customerId: string }) {
  const defs = useQuery(customFieldsQuery('customer'));
  const view = useCustomerFieldView(defs.data);
  return <HistoryPanel recordType="customer" recordId={customerId} fieldLabel={view.label} />;
}
