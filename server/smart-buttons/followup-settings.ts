import { z } from 'zod';
import { followupKinds, followupStatuses } from '../../common/enums.ts';
import { timeZoneOf } from '../../common/time-zone.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import type { WorkingCalendar } from '../../common/working-calendar.ts';

const localDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'is not a calendar date',
  );

export const smartButtonSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits and underscores, starting with a letter')
      .describe('The button id in POST /customers/{id}/smart-buttons/{buttonId}'),
    label: z.string().trim().min(1, 'is required').max(20),
    template: z.string().trim().min(1, 'is required').max(2000).describe('The follow-up text one tap saves'),
    status: z.enum(followupStatuses).describe('The follow-up status a tap records'),
    kind: z.enum(followupKinds).default('other'),
    nextStep: z.string().trim().max(500).default('').describe('The next step text (empty: none)'),
    nextStepOffset: z
      .object({
        workingDays: z.number().int().min(0).max(60),
        at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM'),
      })
      .describe('When the next step is due: N working days after the tap at HH:MM, in the company time zone'),
  })
  .meta({ id: 'SmartButton' });

export type SmartButton = z.output<typeof smartButtonSchema>;

export const followupSettingsInput = z
  .object({
    buttons: z
      .array(smartButtonSchema)
      .min(1)
      .max(6)
      .refine((list) => new Set(list.map((b) => b.key)).size === list.length, 'button keys must differ'),
    holidays: z.array(localDay).max(400).default([]).describe('Weekdays that are not worked (YYYY-MM-DD)'),
    extraWorkdays: z.array(localDay).max(100).default([]).describe('Weekend days that are worked (调休, YYYY-MM-DD)'),
    escalationGraceHours: z
      .number()
      .int()
      .min(1)
      .max(720)
      .default(24)
      .describe("Hours a next step may be overdue before a to-do goes to the owner's manager"),
    version: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'The version you read (0 before the first save): if it changed since, 409 VERSION_CONFLICT and nothing is saved',
      ),
  })
  .strict();

export type FollowupSettings = z.output<typeof followupSettingsInput>;

export const followupSettingsOutput = z
  .object({
    buttons: z.array(smartButtonSchema),
    holidays: z.array(z.string()),
    extraWorkdays: z.array(z.string()),
    escalationGraceHours: z.number().int(),
    timeZone: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'FollowupSettings' });

/** The three buttons every company starts with (an admin edits them with PUT /api/v1/smart-buttons). */
export const defaultSmartButtons: SmartButton[] = [
  {
    key: 'just_talked',
    label: '刚聊完',
    template: '刚与客户沟通完，要点：',
    status: 'deep_talk',
    kind: 'call',
    nextStep: '回访确认沟通结果',
    nextStepOffset: { workingDays: 2, at: '10:00' },
  },
  {
    key: 'proposal_sent',
    label: '已发方案',
    template: '已向客户发送方案，请客户评估。',
    status: 'proposal_sent',
    kind: 'im',
    nextStep: '跟进方案反馈',
    nextStepOffset: { workingDays: 2, at: '10:00' },
  },
  {
    key: 'awaiting_reply',
    label: '等客户回复',
    template: '已联系客户，等待客户回复。',
    status: 'awaiting_reply',
    kind: 'other',
    nextStep: '再次联系客户',
    nextStepOffset: { workingDays: 1, at: '10:00' },
  },
];

export interface LoadedSettings extends FollowupSettings {
  timeZone: string;
  version: number;
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The company's follow-up settings: its saved row, else the defaults. */
export async function loadFollowupSettings(trx: Trx, tenantId: string): Promise<LoadedSettings> {
  const [row, tenant] = await Promise.all([
    trx.selectFrom('followup_settings').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst(),
    trx.selectFrom('tenants').select('settings').where('id', '=', tenantId).executeTakeFirst(),
  ]);
  const saved = row?.smart_buttons ? z.array(smartButtonSchema).safeParse(row.smart_buttons) : undefined;
  return {
    buttons: saved?.success ? saved.data : defaultSmartButtons,
    holidays: stringList(row?.holidays),
    extraWorkdays: stringList(row?.extra_workdays),
    escalationGraceHours: row?.escalation_grace_hours ?? 24,
    timeZone: timeZoneOf(tenant?.settings),
    version: row?.version ?? 0,
  };
}

export function calendarOf(settings: LoadedSettings): WorkingCalendar {
  return {
    zone: settings.timeZone,
    holidays: new Set(settings.holidays),
    extraWorkdays: new Set(settings.extraWorkdays),
  };
}

/**
 * Saves the whole document (one row per company), bumping its version. With `input.version`, only
 * over that version: answers false (nothing written) when another save came first.
 */
export async function saveFollowupSettings(
  trx: Trx,
  tenantId: string,
  userId: string | null,
  input: FollowupSettings,
): Promise<boolean> {
  const values = {
    smart_buttons: JSON.stringify(input.buttons),
    holidays: JSON.stringify([...new Set(input.holidays)].sort()),
    extra_workdays: JSON.stringify([...new Set(input.extraWorkdays)].sort()),
    escalation_grace_hours: input.escalationGraceHours,
    updated_by: userId,
  };
  const expected = input.version;
  const written = await trx
    .insertInto('followup_settings')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => {
      const update = oc.column('tenant_id').doUpdateSet((eb) => ({
        ...values,
        version: eb('followup_settings.version', '+', 1),
        updated_at: new Date(),
      }));
      return expected === undefined ? update : update.where('followup_settings.version', '=', expected);
    })
    .returning('tenant_id')
    .executeTakeFirst();
  return written !== undefined;
}
