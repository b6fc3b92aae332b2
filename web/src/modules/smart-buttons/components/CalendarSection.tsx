import { InputNumber, Select } from 'antd';
import { Field } from '../../automation/components/Field.tsx';
import { useSmartButtonAdminT } from '../i18n/index.ts';
import { GRACE_HOURS, type Draft } from './settings-model.ts';

type Dates = 'holidays' | 'extraWorkdays';

/** The company's working calendar (holidays, extra working days, its zone) and the escalation grace period. */
export function CalendarSection({
  draft,
  zone,
  set,
}: {
  draft: Draft;
  zone: string;
  set: (patch: Partial<Draft>) => void;
}) {
  const { t } = useSmartButtonAdminT();
  const dates = (key: Dates) => (
    <Field
      path={key}
      label={t(`calendar.${key}`)}
      hint={t('calendar.datesHint')}
      className="auto-field--grow"
      control={(a11y) => (
        <Select
          {...a11y}
          mode="tags"
          open={false}
          suffixIcon={null}
          tokenSeparators={[',', ' ', '，']}
          value={draft[key]}
          onChange={(list: string[]) => set({ [key]: [...new Set(list.map((d) => d.trim()).filter(Boolean))].sort() })}
        />
      )}
    />
  );
  return (
    <section className="auto-section" aria-labelledby="sba-calendar">
      <h2 id="sba-calendar">{t('calendar.section')}</h2>
      <p className="auto-muted">{t('calendar.timeZone', { zone })}</p>
      <div className="auto-row">
        <Field
          path="escalationGraceHours"
          label={t('calendar.grace')}
          hint={t('calendar.graceHint')}
          control={(a11y) => (
            <InputNumber
              {...a11y}
              min={GRACE_HOURS.min}
              max={GRACE_HOURS.max}
              precision={0}
              addonAfter={t('calendar.hours')}
              value={draft.escalationGraceHours}
              onChange={(hours) => set({ escalationGraceHours: hours ?? GRACE_HOURS.min })}
            />
          )}
        />
      </div>
      <div className="auto-row">
        {dates('holidays')}
        {dates('extraWorkdays')}
      </div>
    </section>
  );
}
