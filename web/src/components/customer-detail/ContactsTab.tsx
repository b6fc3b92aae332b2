import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { telHref } from '../../format/format.ts';
import { RecordCard } from './RecordCard.tsx';
import { RelationTab } from './RelationTab.tsx';

export function ContactsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  return (
    <RelationTab customerId={customerId} relation="contacts" emptyText={t('contact.empty')}>
      {(contacts) =>
        contacts.map((contact) => (
          <RecordCard
            key={contact.id}
            title={contact.name}
            extra={contact.isPrimary && <Tag color="blue">{t('contact.primary')}</Tag>}
            fields={[
              { label: t('contact.fields.title'), value: contact.title },
              { label: t('contact.fields.mobile'), value: contact.mobile && <a href={telHref(contact.mobile)}>{contact.mobile}</a> },
              { label: t('contact.fields.email'), value: contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a> },
              { label: t('contact.fields.wecomId'), value: contact.wecomId },
            ]}
          />
        ))
      }
    </RelationTab>
  );
}
