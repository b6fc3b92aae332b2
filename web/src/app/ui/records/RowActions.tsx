import type { AccessObject } from '../../../../../common/access-vocabulary.ts';
import type { RecordPermissions } from '../../../../../common/permissions.ts';
import { usePermission } from '../../../modules/auth/permissions.ts';
import type { Resource } from '../../api/records.ts';
import { useTranslation } from '../../i18n/index.ts';
import { DeleteButton } from './DeleteButton.tsx';

interface RowActionsProps {
  resource: Resource;
  /** The access object the record belongs to, and the record itself: its `can` decides each button. */
  object: AccessObject;
  record: RecordPermissions & { id: string };
  /** The record's name, in both buttons' accessible names. */
  name: string;
  onEdit: (id: string) => void;
}

/** An admin table row's 编辑 and 删除, each shown only when the caller may do it. */
export function RowActions({ resource, object, record, name, onEdit }: RowActionsProps) {
  const { t } = useTranslation();
  const can = usePermission();
  return (
    <span className="row-actions">
      {can('update', object, record) && (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => onEdit(record.id)}
          aria-label={`${t('common.edit')} ${name}`}
        >
          {t('common.edit')}
        </button>
      )}
      <DeleteButton resource={resource} object={object} record={record} id={record.id} name={name} />
    </span>
  );
}
