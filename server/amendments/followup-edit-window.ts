import type { CommandContext } from '../resources/context.ts';
import type { Input, Row } from '../resources/resource-spec.ts';
import { AppError } from '../errors.ts';
import { riskyDenial } from '../audit/denial-audit.ts';

/**
 * followupSpec.beforeUpdate: a follow-up older than the tenant's edit window (hours since it
 * was recorded, default 72) is history; corrections are appended as amendments.
 */
export async function enforceFollowupEditWindow(ctx: CommandContext, row: Row, _input: Input): Promise<void> {
  const windowHours = ctx.access.settings.followupEditWindowHours;
  const createdAt = row.created_at instanceof Date ? row.created_at : new Date(String(row.created_at));
  if (Date.now() - createdAt.getTime() <= windowHours * 3600_000) return;
  throw riskyDenial(
    new AppError(
      'EDIT_WINDOW_CLOSED',
      `follow-ups can be edited for ${windowHours} hours after they are recorded; append an amendment instead`,
      {
        windowHours,
        createdAt: createdAt.toISOString(),
        how: `POST /api/v1/followups/${row.id}/amendments`,
        id: row.id,
      },
    ),
    'followup.update',
  );
}
