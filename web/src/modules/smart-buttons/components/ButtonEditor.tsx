import { Button, Input, InputNumber, Select, Space } from 'antd';
import { followupKinds, followupStatuses } from '../../../../../common/enums.ts';
import type { WorkingCalendar } from '../../../../../common/working-calendar.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { Field } from '../../automation/components/Field.tsx';
import { useSmartButtonAdminT } from '../i18n/index.ts';
import { formatInZone, LABEL_MAX, previewNextStep, WORKING_DAYS_MAX, type DraftButton } from './settings-model.ts';

/**
 * One smart button: its text, template, status, kind, next step and offset, with the next step a
 * tap at the sample time would set. `index` places its fields (`buttons.<index>.label`) for the
 * server's problems.
 */
export function ButtonEditor({
  index,
  count,
  value,
  onChange,
  onMove,
  onRemove,
  sample,
  calendar,
}: {
  index: number;
  count: number;
  value: DraftButton;
  onChange: (next: DraftButton) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
  sample: Date | null;
  calendar: WorkingCalendar;
}) {
  const { t, language } = useSmartButtonAdminT();
  const enumLabel = useEnumLabel();
  const path = `buttons.${index}`;
  const n = index + 1;
  const set = (patch: Partial<DraftButton>) => onChange({ ...value, ...patch });
  const setOffset = (patch: Partial<DraftButton['nextStepOffset']>) =>
    set({ nextStepOffset: { ...value.nextStepOffset, ...patch } });
  const next = previewNextStep(value.nextStepOffset, sample, calendar);
  return (
    <div className="auto-action" data-testid="smart-button-editor" data-key={value.key}>
      <div className="auto-row sba-head">
        <h3>{t('buttons.heading', { n })}</h3>
        <Space>
          <Button size="small" aria-label={t('buttons.up', { n })} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </Button>
          <Button
            size="small"
            aria-label={t('buttons.down', { n })}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </Button>
          <Button size="small" aria-label={t('buttons.remove', { n })} disabled={count <= 1} onClick={onRemove}>
            ×
          </Button>
        </Space>
      </div>
      <div className="auto-row">
        <Field
          path={`${path}.label`}
          label={t('buttons.label')}
          control={(a11y) => (
            <Input
              {...a11y}
              maxLength={LABEL_MAX}
              value={value.label}
              onChange={(e) => set({ label: e.target.value })}
            />
          )}
        />
        <Field
          path={`${path}.key`}
          label={t('buttons.key')}
          hint={value.saved ? undefined : t('buttons.keyHint')}
          control={(a11y) => (
            <Input
              {...a11y}
              maxLength={40}
              readOnly={value.saved}
              value={value.key}
              onChange={(e) => set({ key: e.target.value.trim() })}
            />
          )}
        />
        <Field
          path={`${path}.status`}
          label={t('buttons.status')}
          control={(a11y) => (
            <Select
              {...a11y}
              style={{ minWidth: 140 }}
              value={value.status}
              options={followupStatuses.map((s) => ({ value: s, label: enumLabel('followupStatus', s) }))}
              onChange={(status) => set({ status })}
            />
          )}
        />
        <Field
          path={`${path}.kind`}
          label={t('buttons.kind')}
          control={(a11y) => (
            <Select
              {...a11y}
              style={{ minWidth: 120 }}
              value={value.kind}
              options={followupKinds.map((k) => ({ value: k, label: enumLabel('followupKind', k) }))}
              onChange={(kind) => set({ kind })}
            />
          )}
        />
      </div>
      <div className="auto-row">
        <Field
          path={`${path}.template`}
          label={t('buttons.template')}
          hint={t('buttons.templateHint')}
          className="auto-field--grow"
          control={(a11y) => (
            <Input.TextArea
              {...a11y}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              value={value.template}
              onChange={(e) => set({ template: e.target.value })}
            />
          )}
        />
      </div>
      <div className="auto-row">
        <Field
          path={`${path}.nextStep`}
          label={t('buttons.nextStep')}
          hint={t('buttons.nextStepHint')}
          className="auto-field--grow"
          control={(a11y) => (
            <Input
              {...a11y}
              maxLength={500}
              value={value.nextStep}
              onChange={(e) => set({ nextStep: e.target.value })}
            />
          )}
        />
        <Field
          path={`${path}.nextStepOffset.workingDays`}
          label={t('buttons.workingDays')}
          control={(a11y) => (
            <InputNumber
              {...a11y}
              min={0}
              max={WORKING_DAYS_MAX}
              precision={0}
              addonAfter={t('buttons.days')}
              value={value.nextStepOffset.workingDays}
              onChange={(days) => setOffset({ workingDays: days ?? 0 })}
            />
          )}
        />
        <Field
          path={`${path}.nextStepOffset.at`}
          label={t('buttons.at')}
          control={(a11y) => (
            <Input
              {...a11y}
              style={{ width: 110 }}
              maxLength={5}
              placeholder="10:00"
              value={value.nextStepOffset.at}
              onChange={(e) => setOffset({ at: e.target.value.trim() })}
            />
          )}
        />
      </div>
      <p className="auto-muted" data-testid="next-step-preview" aria-live="polite">
        {next
          ? t('buttons.preview', { time: formatInZone(next, calendar.zone, language) })
          : t('buttons.previewUnavailable')}
      </p>
    </div>
  );
}
