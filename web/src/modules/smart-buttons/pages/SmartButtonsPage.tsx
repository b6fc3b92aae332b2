import { use, useContext, useState } from 'react';
import { Alert, Button, ConfigProvider, Input } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../app/api/client.ts';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { PageLoading } from '../../../app/ui/PageLoading.tsx';
import { showToast } from '../../../app/ui/toast.tsx';
import { usePermission } from '../../auth/permissions.ts';
import { AutomationPage } from '../../automation/components/AutomationPage.tsx';
import { Field, ProblemsContext } from '../../automation/components/Field.tsx';
import { followupSettingsQuery, saveFollowupSettings, type FollowupSettings } from '../api/smartButtonSettings.ts';
import { ButtonEditor } from '../components/ButtonEditor.tsx';
import { CalendarSection } from '../components/CalendarSection.tsx';
import {
  blankButton,
  calendarOf,
  draftOf,
  inputOf,
  localDateTime,
  MAX_BUTTONS,
  moved,
  problemsByPath,
  sampleInstant,
  type Draft,
  type DraftButton,
} from '../components/settings-model.ts';
import { loadSmartButtonAdminMessages } from '../i18n/catalog.ts';
import { useSmartButtonAdminT } from '../i18n/index.ts';
import '../smart-buttons.css';

/** A problem the server names for the whole list of buttons (too many, keys that repeat). */
function ListProblem() {
  const problem = useContext(ProblemsContext).get('buttons');
  return problem ? (
    <p className="auto-field__error" data-testid="field-problem" data-path="buttons">
      {problem}
    </p>
  ) : null;
}

function Editor({ settings }: { settings: FollowupSettings }) {
  const { t } = useSmartButtonAdminT();
  const can = usePermission();
  const canEdit = can('update', 'settings');
  const queryClient = useQueryClient();
  const zone = settings.timeZone;
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [sampleText, setSampleText] = useState(() => localDateTime(new Date(), zone));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const buttons = draft.buttons;
  const setButton = (i: number, next: DraftButton) => set({ buttons: buttons.map((b, j) => (j === i ? next : b)) });
  const save = useMutation({
    mutationFn: () => saveFollowupSettings(inputOf(draft)),
    onSuccess: (saved) => {
      showToast(t('saved', { version: saved.version }));
      queryClient.setQueryData(followupSettingsQuery.queryKey, saved);
    },
  });
  const problems = problemsByPath(isApiError(save.error) ? save.error.fields : [], draft);
  const sample = sampleInstant(sampleText, zone);
  const calendar = calendarOf(draft, zone);
  return (
    <ProblemsContext value={problems}>
      <ConfigProvider componentDisabled={!canEdit || save.isPending}>
        <form
          data-testid="smart-button-settings"
          onSubmit={(e) => {
            e.preventDefault();
            if (canEdit) save.mutate();
          }}
        >
          {!canEdit && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('readOnly')} />}
          {save.isError && (
            <div data-testid="settings-problems">
              <p>{t('problems')}</p>
              <ErrorBlock error={save.error} fallback="saveFailed" />
            </div>
          )}
          <section className="auto-section" aria-labelledby="sba-preview">
            <h2 id="sba-preview">{t('preview.section')}</h2>
            <p className="auto-muted">{t('preview.rule')}</p>
            <Field
              path="sample"
              label={t('preview.sample')}
              control={(a11y) => (
                <Input
                  {...a11y}
                  type="datetime-local"
                  style={{ width: 220 }}
                  disabled={false}
                  value={sampleText}
                  onChange={(e) => setSampleText(e.target.value)}
                />
              )}
            />
          </section>
          <section className="auto-section" aria-labelledby="sba-buttons">
            <h2 id="sba-buttons">{t('buttons.section')}</h2>
            <p className="auto-muted">{t('buttons.hint', { max: MAX_BUTTONS })}</p>
            <ListProblem />
            {buttons.map((button, i) => (
              <ButtonEditor
                key={button.uid}
                index={i}
                count={buttons.length}
                value={button}
                onChange={(next) => setButton(i, next)}
                onMove={(by) => set({ buttons: moved(buttons, i, by) })}
                onRemove={() => set({ buttons: buttons.filter((_, j) => j !== i) })}
                sample={sample}
                calendar={calendar}
              />
            ))}
            <Button
              disabled={buttons.length >= MAX_BUTTONS}
              onClick={() => set({ buttons: [...buttons, blankButton(buttons)] })}
            >
              + {t('buttons.add')}
            </Button>
          </section>
          <CalendarSection draft={draft} zone={zone} set={set} />
          <div className="sba-actions">
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('save')}
            </Button>
          </div>
        </form>
      </ConfigProvider>
    </ProblemsContext>
  );
}

/**
 * 智能按钮 (/automation/smart-buttons): the phone's one-tap follow-up buttons, edited by an
 * administrator — text, template, status, next step and its working-day offset, order — with a
 * preview on the company's working calendar, and the calendar and escalation grace period.
 */
export default function SmartButtonsPage() {
  use(loadSmartButtonAdminMessages()); // the same promise while the language stays (i18n/index.ts)
  const { t } = useSmartButtonAdminT();
  const settings = useQuery(followupSettingsQuery);
  return (
    <AutomationPage title={t('title')} intro={t('intro')}>
      {settings.isError ? (
        <ErrorBlock error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data ? (
        <PageLoading />
      ) : (
        <Editor key={settings.data.version} settings={settings.data} />
      )}
    </AutomationPage>
  );
}
