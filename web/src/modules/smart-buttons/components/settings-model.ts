/**
 * The smart-button admin page's model: the editable draft of the company's follow-up settings,
 * a new button, reordering, the server's 400 problems by field, and the preview of a button's
 * next step on the company's working calendar (the server's own rule, common/working-calendar.ts).
 */
import type { FieldIssue } from '../../../app/api/client.ts';
import { localDate, nextStepTime, zonedInstant, type WorkingCalendar } from '../../../../../common/working-calendar.ts';
import { problemsByPath as problemsAt } from '../../automation/components/rule-model.ts';
import type { FollowupSettings, FollowupSettingsInput, SmartButton } from '../api/smartButtonSettings.ts';

/** What PUT /api/v1/smart-buttons accepts (followup-settings.ts). */
export const MAX_BUTTONS = 6;
export const LABEL_MAX = 20;
export const GRACE_HOURS = { min: 1, max: 720 } as const;
export const WORKING_DAYS_MAX = 60;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A button being edited: `uid` keeps its editor while buttons move; `saved` ones keep their key. */
export interface DraftButton extends SmartButton {
  uid: string;
  saved: boolean;
}

export interface Draft {
  buttons: DraftButton[];
  holidays: string[];
  extraWorkdays: string[];
  escalationGraceHours: number;
  /** The version this draft was read at: saving over a newer one answers 409. */
  version: number;
}

let uids = 0;
const nextUid = () => `b${++uids}`;

export function draftOf(settings: FollowupSettings): Draft {
  return {
    buttons: settings.buttons.map((b) => ({ ...b, uid: nextUid(), saved: true })),
    holidays: [...settings.holidays],
    extraWorkdays: [...settings.extraWorkdays],
    escalationGraceHours: settings.escalationGraceHours,
    version: settings.version,
  };
}

/** The body to save: the buttons in their order, without the editor's bookkeeping. */
export function inputOf(draft: Draft): FollowupSettingsInput {
  return {
    buttons: draft.buttons.map(({ uid: _uid, saved: _saved, ...button }) => button),
    holidays: draft.holidays,
    extraWorkdays: draft.extraWorkdays,
    escalationGraceHours: draft.escalationGraceHours,
    version: draft.version,
  };
}

/** A new button with a key no other button has (`button_2`, `button_3` …). */
export function blankButton(existing: readonly { key: string }[]): DraftButton {
  const keys = new Set(existing.map((b) => b.key));
  let n = existing.length + 1;
  while (keys.has(`button_${n}`)) n++;
  return {
    uid: nextUid(),
    saved: false,
    key: `button_${n}`,
    label: '',
    template: '',
    status: 'deep_talk',
    kind: 'other',
    nextStep: '',
    nextStepOffset: { workingDays: 1, at: '10:00' },
  };
}

/** The list with item `from` moved by `by` places (kept in bounds). */
export function moved<T>(list: readonly T[], from: number, by: number): T[] {
  const to = Math.min(Math.max(from + by, 0), list.length - 1);
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/**
 * The server's problems by field (`buttons.0.nextStepOffset.at`, as the rule editor keys them); a
 * problem with one date of a list (`holidays.3`) is shown at the list, naming the date.
 */
export function problemsByPath(fields: readonly FieldIssue[], draft: Draft): Map<string, string> {
  const byPath = new Map<string, string>();
  for (const [path, message] of problemsAt(fields)) {
    const listed = /^(holidays|extraWorkdays)\.(\d+)$/.exec(path);
    const key = listed ? listed[1]! : path;
    const text = listed
      ? `${draft[listed[1] as 'holidays' | 'extraWorkdays'][Number(listed[2])] ?? ''} ${message}`.trim()
      : message;
    byPath.set(key, byPath.has(key) ? `${byPath.get(key)}; ${text}` : text);
  }
  return byPath;
}

export const calendarOf = (draft: Draft, zone: string): WorkingCalendar => ({
  zone,
  holidays: new Set(draft.holidays),
  extraWorkdays: new Set(draft.extraWorkdays),
});

/** The local date and time (`YYYY-MM-DDTHH:MM`, as a datetime-local input shows it) of an instant in a zone. */
export function localDateTime(instant: Date, zone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${localDate(instant, zone)}T${time.format(instant)}`;
}

/** The instant of a `YYYY-MM-DDTHH:MM` typed in the company's zone, or null when it is not one. */
export function sampleInstant(value: string, zone: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!match || !TIME.test(match[2]!) || Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) return null;
  return zonedInstant(match[1]!, match[2]!, zone);
}

/** When a tap at `sample` would set the button's next step, or null while its offset is not valid. */
export function previewNextStep(
  offset: SmartButton['nextStepOffset'],
  sample: Date | null,
  calendar: WorkingCalendar,
): Date | null {
  const { workingDays, at } = offset;
  if (!sample || !TIME.test(at) || !Number.isInteger(workingDays) || workingDays < 0 || workingDays > WORKING_DAYS_MAX)
    return null;
  try {
    return nextStepTime(sample, offset, calendar);
  } catch {
    return null; // a calendar without working days in reach
  }
}

/** An instant as the company reads it: date, weekday and time in its zone. */
export function formatInZone(instant: Date, zone: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: zone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}
