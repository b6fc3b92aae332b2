import { use } from 'react';
import { useQuery } from '@tanstack/react-query';
import { loadMoreMessages } from '../../../app/i18n/index.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useMe } from '../../auth/session.ts';
import { recentTemplatesQuery, type FollowupTemplate } from '../api/followupTemplates.ts';
import { loadFollowupTemplateMessages } from '../i18n/catalog.ts';
import { useFollowupTemplateT } from '../i18n/index.ts';

interface TemplatePickerProps {
  /** The template applied to the composer, if any. */
  selectedId: string | undefined;
  onPick: (template: FollowupTemplate | undefined) => void;
}

const messages = () => Promise.all([loadFollowupTemplateMessages(), loadMoreMessages()]);

/**
 * The composer's template chips (phone: plain buttons, no antd; loaded lazily with its messages).
 * It lists the rep's 30 most recently used templates, then the rest by title, as last fetched:
 * they are kept in localStorage per user, so the picker works offline.
 */
export default function TemplatePicker(props: TemplatePickerProps) {
  const me = useMe();
  if (!me.data) return null;
  return <Picker userId={me.data.id} {...props} />;
}

function Picker({ userId, selectedId, onPick }: TemplatePickerProps & { userId: string }) {
  use(messages());
  const t = useFollowupTemplateT();
  const enumLabel = useEnumLabel();
  const templates = useQuery(recentTemplatesQuery(userId));
  const list = templates.data ?? [];
  const selected = list.find((template) => template.id === selectedId);
  const offline = templates.isError || (typeof navigator !== 'undefined' && navigator.onLine === false);
  if (!list.length && !offline) return null;
  return (
    <div className="template-picker">
      <div role="group" aria-label={t('picker.label')} className="chips" data-testid="template-picker">
        {list.map((template) => (
          <button
            key={template.id}
            type="button"
            className={template.id === selectedId ? 'chip chip--text is-pressed' : 'chip chip--text'}
            aria-pressed={template.id === selectedId}
            onClick={() => onPick(template.id === selectedId ? undefined : template)}
          >
            {template.title}
          </button>
        ))}
      </div>
      {offline && <p className="field-hint">{list.length ? t('picker.offline') : t('picker.empty')}</p>}
      {selected && (
        <p className="field-hint" role="status">
          {t('picker.applied', { title: selected.title })}
          {selected.status ? ` · ${enumLabel('followupStatus', selected.status)}` : ''}
        </p>
      )}
    </div>
  );
}
