import { useQueryClient } from '@tanstack/react-query';
import type { AccessObject } from '../../../../../common/access-vocabulary.ts';
import type { RecordPermissions } from '../../../../../common/permissions.ts';
import { usePermission } from '../../../modules/auth/permissions.ts';
import { deleteRecord, type Resource } from '../../api/records.ts';
import { useTranslation } from '../../i18n/index.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { showToast } from '../toast.tsx';

interface DeleteButtonProps {
  resource: Resource;
  /** The access object the record belongs to, and the record itself: its `can` decides. */
  object: AccessObject;
  record: RecordPermissions;
  id: string;
  name: string;
  onDeleted?: () => void;
  className?: string;
}

/** Soft delete with a confirmation; the record goes to the recycle bin. Shown only when the caller may delete it. */
export function DeleteButton({ resource, object, record, id, name, onDeleted, className }: DeleteButtonProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const can = usePermission();
  if (!can('delete', object, record)) return null;
  return (
    <ConfirmButton
      label={t('common.delete')}
      ariaLabel={`${t('common.delete')} ${name}`}
      className={className ?? 'btn btn--small btn--danger-text'}
      title={t('common.deleteTitle', { name })}
      message={t('common.deleteHint')}
      confirmLabel={t('common.delete')}
      danger
      onConfirm={async () => {
        await deleteRecord(resource, id);
        showToast(t('common.deleted', { name }));
        void queryClient.invalidateQueries({ queryKey: [resource] });
        void queryClient.invalidateQueries({ queryKey: ['recycle-bin'] });
        onDeleted?.();
      }}
    />
  );
}
