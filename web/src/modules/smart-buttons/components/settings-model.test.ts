import { describe, expect, it } from 'vitest';
import {
  blankButton,
  calendarOf,
  draftOf,
  inputOf,
  localDateTime,
  moved,
  previewNextStep,
  problemsByPath,
  sampleInstant,
} from './settings-model.ts';
import type { FollowupSettings } from '../api/smartButtonSettings.ts';

const settings: FollowupSettings = {
  buttons: [
    {
      key: 'just_talked',
      label: '刚聊完',
      template: '刚与客户沟通完，要点：',
      status: 'deep_talk',
      kind: 'call',
      nextStep: '回访',
      nextStepOffset: { workingDays: 2, at: '10:00' },
    },
    {
      key: 'button_2',
      label: '已发方案',
      template: '已发方案',
      status: 'proposal_sent',
      kind: 'im',
      nextStep: '',
      nextStepOffset: { workingDays: 1, at: '10:00' },
    },
  ],
  holidays: ['2026-12-01'],
  extraWorkdays: [],
  escalationGraceHours: 24,
  timeZone: 'Asia/Shanghai',
  version: 3,
};

describe('the smart-button admin model', () => {
  it('saves what was loaded, without the editor bookkeeping, in the edited order', () => {
    const draft = draftOf(settings);
    expect(inputOf(draft)).toEqual({
      buttons: settings.buttons,
      holidays: ['2026-12-01'],
      extraWorkdays: [],
      escalationGraceHours: 24,
      version: 3,
    });
    const swapped = { ...draft, buttons: moved(draft.buttons, 1, -1) };
    expect(inputOf(swapped).buttons.map((b) => b.key)).toEqual(['button_2', 'just_talked']);
    expect(moved(draft.buttons, 0, -1).map((b) => b.key)).toEqual(['just_talked', 'button_2']);
  });

  it('gives a new button a key no other button has', () => {
    const draft = draftOf(settings);
    const added = blankButton(draft.buttons);
    expect(added).toMatchObject({ key: 'button_3', saved: false, nextStepOffset: { workingDays: 1, at: '10:00' } });
    expect(draft.buttons.map((b) => b.uid)).not.toContain(added.uid);
  });

  it('previews the next step on the working calendar: across a weekend and a holiday', () => {
    const draft = draftOf(settings);
    const calendar = calendarOf(draft, settings.timeZone);
    // Friday 2026-11-27 15:30 in Shanghai: 2 working days → Mon 30th, (Tue 1st off) → Wed 2nd 10:00
    const sample = sampleInstant('2026-11-27T15:30', settings.timeZone);
    expect(sample?.toISOString()).toBe('2026-11-27T07:30:00.000Z');
    expect(previewNextStep({ workingDays: 2, at: '10:00' }, sample, calendar)?.toISOString()).toBe(
      '2026-12-02T02:00:00.000Z',
    );
    expect(
      previewNextStep(
        { workingDays: 2, at: '10:00' },
        sample,
        calendarOf({ ...draft, holidays: [] }, 'Asia/Shanghai'),
      )?.toISOString(),
    ).toBe('2026-12-01T02:00:00.000Z');
    // an offset the server would refuse has no preview
    expect(previewNextStep({ workingDays: 1, at: '25:00' }, sample, calendar)).toBeNull();
    expect(previewNextStep({ workingDays: 61, at: '10:00' }, sample, calendar)).toBeNull();
    expect(sampleInstant('', settings.timeZone)).toBeNull();
    expect(localDateTime(new Date('2026-11-27T07:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-27T15:30');
  });

  it("places the server's problems at their field; a bad date at its list, naming the date", () => {
    const draft = { ...draftOf(settings), holidays: ['2026-12-01', '2026-02-30'] };
    const problems = problemsByPath(
      [
        { path: 'buttons.0.nextStepOffset.at', message: 'must be a time HH:MM' },
        { path: 'holidays.1', message: 'is not a calendar date' },
        { path: 'buttons', message: 'button keys must differ' },
      ],
      draft,
    );
    expect(Object.fromEntries(problems)).toEqual({
      'buttons.0.nextStepOffset.at': 'must be a time HH:MM',
      holidays: '2026-02-30 is not a calendar date',
      buttons: 'button keys must differ',
    });
  });
});
