import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { isClientVersion } from '../../../common/client-version.ts';
import { tenantSettingDefaults, tenantSettingLimits as limits } from '../../../common/tenant-settings.ts';
import { isIanaTimeZone, timeZoneOf } from '../../../common/time-zone.ts';
import type { DB } from '../../db/schema.ts';
import { diff, writeAudit } from '../../audit/audit.ts';
import { grantsFor } from '../../access/access-context.ts';
import { errorResponses } from '../../http/common-schemas.ts';
import { AppError } from '../../errors.ts';
import { authHook, inTenant } from '../../http/request-context.ts';

const settingsSchema = z
  .object({
    recycleRetentionDays: z
      .number()
      .int()
      .min(limits.recycleRetentionDays.min)
      .max(limits.recycleRetentionDays.max)
      .describe('Days a deleted record stays restorable before the daily purge'),
    liteFields: z
      .array(z.string().max(40))
      .min(limits.liteFields.min)
      .max(limits.liteFields.max)
      .describe('The 5 essential fields of the phone lite view'),
    leastPrivilege: z
      .boolean()
      .describe(
        'Delete, export and attachment management never pass down role inheritance; several roles combine as a union of their own grants',
      ),
    sandboxDays: z
      .number()
      .int()
      .min(limits.sandboxDays.min)
      .max(limits.sandboxDays.max)
      .describe('Days a new hire stays in the sandbox after the hire date (0 turns it off)'),
    followupEditWindowHours: z
      .number()
      .int()
      .min(limits.followupEditWindowHours.min)
      .max(limits.followupEditWindowHours.max)
      .describe('Follow-ups older than this cannot be edited; corrections are appended as amendments'),
    timeZone: z
      .string()
      .trim()
      .refine(isIanaTimeZone, 'is not an IANA time zone name (e.g. Asia/Shanghai, Europe/Berlin, UTC)')
      .describe("The company's IANA time zone: scheduled pulls and the company's cron schedules run in it"),
    minClientVersion: z
      .string()
      .trim()
      .refine(isClientVersion, 'must be an app version like 2.3.0')
      .describe('The oldest app version served: older apps (x-cairn-client) get 426 and upgrade'),
    keepImageOriginals: z
      .boolean()
      .describe(
        "Keep uploaded images' original files beside their WebP variants (off: the web variant replaces the original)",
      ),
  })
  .meta({ id: 'TenantSettings' });

const tenantSchema = z
  .object({ id: z.string(), name: z.string(), slug: z.string(), settings: settingsSchema.partial() })
  .meta({ id: 'Tenant' });

/** The company with all its settings: the defaults of those it never saved, its effective time zone. */
function presentTenant(t: { id: string; name: string; slug: string; settings: Record<string, unknown> }) {
  const settings = { ...tenantSettingDefaults, ...t.settings, timeZone: timeZoneOf(t.settings) };
  return { id: t.id, name: t.name, slug: t.slug, settings };
}

export function registerTenantSettingsRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Company'];

  r.get('/api/v1/tenant', {
    config: { access: 'signedIn' },
    onRequest: authHook(db),
    schema: {
      tags,
      summary: 'The signed-in company and its settings',
      response: { 200: z.object({ data: tenantSchema }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor }) => {
        const t = await trx
          .selectFrom('tenants')
          .selectAll()
          .where('id', '=', actor.tenantId)
          .executeTakeFirstOrThrow();
        return { data: presentTenant(t) };
      }),
  });

  const changeSettings = {
    config: { access: { object: 'settings', action: 'update' } },
    onRequest: authHook(db),
    schema: {
      tags,
      summary: 'Change company settings (administrators); every change is audited',
      body: settingsSchema.partial().strict(),
      response: { 200: z.object({ data: tenantSchema }), ...errorResponses },
    },
  } as const;
  const handler = (request: FastifyRequest<{ Body: Partial<z.infer<typeof settingsSchema>> }>) =>
    inTenant(db, request, async (ctx) => {
      if (!grantsFor(ctx.access, 'settings', 'update').length)
        throw new AppError('MISSING_GRANT', 'changing company settings needs settings.update', {
          missing: 'settings.update',
        });
      const before = await ctx.trx
        .selectFrom('tenants')
        .selectAll()
        .where('id', '=', ctx.actor.tenantId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const settings = { ...before.settings, ...request.body };
      const t = await ctx.trx
        .updateTable('tenants')
        .set({ settings: JSON.stringify(settings), updated_at: sql`now()` })
        .where('id', '=', ctx.actor.tenantId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(ctx, [
        { action: 'update', recordType: 'tenant', recordId: t.id, changes: diff(before.settings, settings) },
      ]);
      return { data: presentTenant(t) };
    });
  r.patch('/api/v1/tenant/settings', { ...changeSettings, handler });
  // the same change under the company's own path (issue 13 names it: PATCH /api/v1/tenant {minClientVersion})
  r.patch('/api/v1/tenant', { ...changeSettings, handler });
}
