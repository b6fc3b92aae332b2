import { telHref } from '../../../app/format/format.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';
import { Tag } from '../../../app/ui/states.tsx';
import { DeleteButton } from '../../../app/ui/records/DeleteButton.tsx';
import { RecordCard } from '../../../app/ui/records/RecordCard.tsx';
import { RelationList } from '../../../app/ui/records/RelationList.tsx';
import { IfAllowed } from '../../auth/IfAllowed.tsx';

export function ContactsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const base = `/customers/${encodeURIComponent(customerId)}/contacts`;
  return (
    <RelationList
      customerId={customerId}
      relation="contacts"
      emptyText={t('contact.empty')}
      toolbar={
        <Link className="btn btn--small" to={`${base}/new`}>
          + {t('contact.add')}
        </Link>
      }
    >
      {(contacts) =>
        contacts.map((contact) => (
          <RecordCard
            key={contact.id}
            title={contact.name}
            extra={contact.isPrimary && <Tag tone="blue">{t('contact.primary')}</Tag>}
            fields={[
              { label: t('contact.fields.title'), value: contact.title },
              {
                label: t('contact.fields.mobile'),
                value: contact.mobile && <a href={telHref(contact.mobile)}>{contact.mobile}</a>,
              },
              {
                label: t('contact.fields.email'),
                value: contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>,
              },
              { label: t('contact.fields.wecomId'), value: contact.wecomId },
            ]}
            actions={
              <>
                <IfAllowed action="update" object="contact" record={contact}>
                  <Link
                    className="btn btn--small"
                    to={`${base}/${contact.id}/edit`}
                    aria-label={`${t('common.edit')} ${contact.name}`}
                  >
                    {t('common.edit')}
                  </Link>
                </IfAllowed>
                <DeleteButton
                  resource="contacts"
                  object="contact"
                  record={contact}
                  id={contact.id}
                  name={contact.name}
                />
              </>
            }
          />
        ))
      }
    </RelationList>
  );
}
