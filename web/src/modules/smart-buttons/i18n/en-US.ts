import type { MessageShape } from '../../../app/i18n/messages/zh-CN.core.ts';
import type { SmartButtonAdminMessages } from './zh-CN.ts';

/** Typed against zh-CN: tsc fails when a key is missing here. */
const smartButtonAdminEnUS: MessageShape<SmartButtonAdminMessages> = {
  title: 'Smart buttons',
  intro:
    "The one-tap follow-up buttons on the phone's customer page. A tap records a follow-up (template text and status) and sets the next step at the set time of the Nth working day of the company calendar.",
  readOnly: 'Only administrators can change the smart buttons; you can see the current settings.',
  problems: 'Some settings did not pass the check; see the note under each field.',
  save: 'Save',
  saved: 'Smart buttons saved (version {version})',
  buttons: {
    section: 'Buttons',
    hint: "1 to {max} buttons, shown in this order on the phone's customer page.",
    heading: 'Button {n}',
    key: 'Button key',
    keyHint:
      'Lower-case letters, digits and underscores, starting with a letter. It stays once saved: taps queued offline find their button by it.',
    label: 'Button text',
    template: 'Follow-up template',
    templateHint: 'The follow-up text one tap saves; reps can also use the pen to edit it first.',
    status: 'Follow-up status',
    kind: 'Follow-up kind',
    nextStep: 'Next step text',
    nextStepHint: 'Leave empty for no next-step text; the next-step time is still set.',
    workingDays: 'Next step: working days later',
    at: 'Next step: time (HH:MM)',
    days: 'working days',
    up: 'Move button {n} up',
    down: 'Move button {n} down',
    remove: 'Remove button {n}',
    add: 'Add a button',
    preview: 'A tap at the sample time sets the next step to: {time}',
    previewUnavailable: 'The preview shows once the working days and the time (HH:MM) are filled in.',
  },
  calendar: {
    section: 'Working calendar and overdue escalation',
    timeZone: 'Company time zone: {zone} (change it in Company settings).',
    grace: 'Grace period',
    graceHint: "A next step overdue by more than this many hours raises a to-do for the owner's manager (1–720 hours).",
    hours: 'hours',
    holidays: 'Holidays (weekdays not worked)',
    extraWorkdays: 'Extra working days (weekends worked)',
    datesHint: 'Type a date YYYY-MM-DD and press Enter; × removes one.',
  },
  preview: {
    section: 'Next-step preview',
    sample: 'Sample tap time (company time zone)',
    rule: 'Rule: count N working days after the day of the tap (Monday to Friday, minus holidays, plus extra working days) and take the set time that day. With N = 0 it is the same day if that is a working day and the time is still ahead, else the next working day.',
  },
};

export default smartButtonAdminEnUS;
