import { newId } from '../../common/ids.ts';
import { AppError, fieldError, notFound } from '../errors.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { writeAuditAs } from '../audit/audit.ts';
import type { Actor, RequestMeta } from '../resources/context.ts';
import {
  compareSemver,
  definitionDocument,
  documentDiff,
  documentHash,
  type DefinitionDocument,
} from './definition-schema.ts';

/** Who changes definitions, in which transaction (a request, the demo seed). */
export interface DefinitionContext {
  trx: Trx;
  actor: Pick<Actor, 'tenantId' | 'userId'> & { displayName?: string };
  /** The request, for the audit rows; the demo seed and the benchmark have none. */
  meta?: RequestMeta;
}

const noRequest: RequestMeta = { requestId: 'metric-definitions', ip: null, userAgent: null };

/**
 * Every definition change (a new definition, a draft, an approval, a rollback) leaves an audit
 * row in the same transaction: who, when, which version, and its diff against the one before.
 */
async function auditVersion(
  ctx: DefinitionContext,
  action: 'metric_definition.draft' | 'metric_definition.approve' | 'metric_definition.rollback',
  definitionId: string,
  changes: Record<string, { before: unknown; after: unknown }>,
) {
  await writeAuditAs(
    ctx.trx,
    ctx.actor.tenantId,
    { id: ctx.actor.userId, name: ctx.actor.displayName ?? 'system' },
    ctx.meta ?? noRequest,
    [{ action, recordType: 'metric_definition', recordId: definitionId, changes }],
  );
}

/** One version of a metric definition as the store holds it. */
export interface DefinitionVersion {
  id: string;
  definitionId: string;
  semver: string;
  validFrom: string;
  document: DefinitionDocument;
  hash: string;
  status: 'draft' | 'approved';
  changeNote: string;
  diff: unknown;
  basedOn: string | null;
  rolledBackTo: string | null;
  authorId: string | null;
  approverId: string | null;
  approvedAt: string | null;
  createdAt: string;
}

export interface MetricDefinition {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
}

export interface NewVersion {
  semver: string;
  validFrom: string;
  document: DefinitionDocument;
  changeNote: string;
}

const dateText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

type VersionRow = {
  id: string;
  definition_id: string;
  semver: string;
  valid_from: string;
  document: unknown;
  hash: string;
  status: string;
  change_note: string;
  diff: unknown;
  based_on: string | null;
  rolled_back_to: string | null;
  author_id: string | null;
  approver_id: string | null;
  approved_at: Date | null;
  created_at: Date;
};

export const presentVersion = (r: VersionRow): DefinitionVersion => ({
  id: r.id,
  definitionId: r.definition_id,
  semver: r.semver,
  validFrom: dateText(r.valid_from),
  document: definitionDocument.parse(r.document),
  hash: r.hash,
  status: r.status as 'draft' | 'approved',
  changeNote: r.change_note,
  diff: r.diff,
  basedOn: r.based_on,
  rolledBackTo: r.rolled_back_to,
  authorId: r.author_id,
  approverId: r.approver_id,
  approvedAt: r.approved_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

export async function listDefinitions(trx: Trx, tenantId: string) {
  const rows = await trx
    .selectFrom('metric_definitions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
  const versions = await trx
    .selectFrom('metric_definition_versions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .execute();
  return rows.map((r) => ({
    ...presentDefinition(r),
    versions: sortVersions(versions.filter((v) => v.definition_id === r.id).map(presentVersion)),
  }));
}

const presentDefinition = (r: { id: string; name: string; description: string | null; created_at: Date }) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  createdAt: r.created_at.toISOString(),
});

const sortVersions = (versions: DefinitionVersion[]) => versions.sort((a, b) => compareSemver(a.semver, b.semver));

/** A definition with all its versions (oldest semver first); 404 when there is none. */
export async function loadDefinition(trx: Trx, tenantId: string, id: string) {
  const row = await trx
    .selectFrom('metric_definitions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('metric_definition', id);
  const versions = await trx
    .selectFrom('metric_definition_versions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('definition_id', '=', id)
    .execute();
  return { ...presentDefinition(row), versions: sortVersions(versions.map(presentVersion)) };
}

export type LoadedDefinition = Awaited<ReturnType<typeof loadDefinition>>;

/** Creates a definition and its first version, a draft. */
export async function createDefinition(
  ctx: DefinitionContext,
  input: { name: string; description?: string | null } & NewVersion,
) {
  const { trx, actor } = ctx;
  const taken = await trx
    .selectFrom('metric_definitions')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (taken)
    throw new AppError('DUPLICATE_RECORD', `a metric definition named ${input.name} exists`, {
      field: 'name',
      id: taken.id,
    });
  const id = newId();
  await trx
    .insertInto('metric_definitions')
    .values({
      tenant_id: actor.tenantId,
      id,
      name: input.name,
      description: input.description ?? null,
      created_by: actor.userId,
    })
    .execute();
  await insertVersion(ctx, id, input, { previous: undefined });
  return loadDefinition(trx, actor.tenantId, id);
}

/** Adds a draft version; its diff is against the latest approved version (or the latest one). */
export async function addDraftVersion(ctx: DefinitionContext, definitionId: string, input: NewVersion) {
  const definition = await loadDefinition(ctx.trx, ctx.actor.tenantId, definitionId);
  if (definition.versions.some((v) => v.semver === input.semver))
    throw fieldError('semver', `version ${input.semver} exists already`);
  const approved = definition.versions.filter((v) => v.status === 'approved');
  const previous = approved.at(-1) ?? definition.versions.at(-1);
  const versionId = await insertVersion(ctx, definitionId, input, { previous });
  return { definition: await loadDefinition(ctx.trx, ctx.actor.tenantId, definitionId), versionId };
}

async function insertVersion(
  ctx: DefinitionContext,
  definitionId: string,
  input: NewVersion,
  options: { previous: DefinitionVersion | undefined; rolledBackTo?: string; approve?: boolean },
) {
  const { trx, actor } = ctx;
  const id = newId();
  const changes = options.previous
    ? [
        ...documentDiff(options.previous.document, input.document).map((c) => ({ ...c, path: `document.${c.path}` })),
        ...(options.previous.validFrom !== input.validFrom
          ? [{ path: 'validFrom', from: options.previous.validFrom, to: input.validFrom }]
          : []),
      ]
    : [];
  await trx
    .insertInto('metric_definition_versions')
    .values({
      tenant_id: actor.tenantId,
      id,
      definition_id: definitionId,
      semver: input.semver,
      valid_from: input.validFrom,
      document: JSON.stringify(input.document),
      hash: documentHash(input.document),
      status: options.approve ? 'approved' : 'draft',
      change_note: input.changeNote,
      diff: JSON.stringify({ from: options.previous?.semver ?? null, changes }),
      based_on: options.previous?.id ?? null,
      rolled_back_to: options.rolledBackTo ?? null,
      author_id: actor.userId,
      approver_id: options.approve ? actor.userId : null,
      approved_at: options.approve ? new Date() : null,
    })
    .execute();
  await auditVersion(
    ctx,
    options.rolledBackTo ? 'metric_definition.rollback' : 'metric_definition.draft',
    definitionId,
    {
      versionId: { before: null, after: id },
      semver: { before: options.previous?.semver ?? null, after: input.semver },
      validFrom: { before: options.previous?.validFrom ?? null, after: input.validFrom },
      hash: { before: options.previous?.hash ?? null, after: documentHash(input.document) },
      status: { before: null, after: options.approve ? 'approved' : 'draft' },
      changeNote: { before: null, after: input.changeNote },
      diff: { before: null, after: changes },
    },
  );
  return id;
}

/** Approves a draft (by someone other than its author): from now on the version is immutable (the database refuses any change). */
export async function approveVersion(ctx: DefinitionContext, definitionId: string, versionId: string) {
  const definition = await loadDefinition(ctx.trx, ctx.actor.tenantId, definitionId);
  const version = definition.versions.find((v) => v.id === versionId.toLowerCase());
  if (!version) throw notFound('metric_definition_version', versionId);
  if (version.status === 'approved')
    throw new AppError('CONFLICT', `version ${version.semver} is approved already; approved versions never change`, {
      versionId,
    });
  // four-eyes: whoever wrote a version never approves it (a rollback republishes an approved document)
  if (version.authorId === ctx.actor.userId)
    throw new AppError(
      'SELF_APPROVAL',
      `version ${version.semver} was written by you; another definition manager must approve it (four-eyes)`,
      { versionId: version.id, authorId: version.authorId },
    );
  await ctx.trx
    .updateTable('metric_definition_versions')
    .set({ status: 'approved', approver_id: ctx.actor.userId, approved_at: new Date() })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .execute();
  await auditVersion(ctx, 'metric_definition.approve', definitionId, {
    versionId: { before: version.id, after: version.id },
    semver: { before: version.semver, after: version.semver },
    status: { before: 'draft', after: 'approved' },
    approverId: { before: null, after: ctx.actor.userId },
  });
  return loadDefinition(ctx.trx, ctx.actor.tenantId, definitionId);
}

/**
 * One-click rollback: publishes a new approved version whose document equals the one of
 * `toVersion` (same hash), effective from `validFrom`. History is never rewritten.
 */
export async function rollbackDefinition(
  ctx: DefinitionContext,
  definitionId: string,
  input: { toVersion: string; validFrom: string; changeNote?: string },
) {
  const definition = await loadDefinition(ctx.trx, ctx.actor.tenantId, definitionId);
  const target = definition.versions.find((v) => v.semver === input.toVersion && v.status === 'approved');
  if (!target) throw fieldError('toVersion', `there is no approved version ${input.toVersion}`);
  let major = Number(definition.versions.at(-1)!.semver.split('.')[0]) + 1;
  while (definition.versions.some((v) => v.semver === `${major}.0`)) major += 1;
  const semver = `${major}.0`;
  const approved = definition.versions.filter((v) => v.status === 'approved');
  const versionId = await insertVersion(
    ctx,
    definitionId,
    {
      semver,
      validFrom: input.validFrom,
      document: target.document,
      changeNote: input.changeNote ?? `回滚到 V${target.semver}`,
    },
    { previous: approved.at(-1), rolledBackTo: target.id, approve: true },
  );
  return { definition: await loadDefinition(ctx.trx, ctx.actor.tenantId, definitionId), versionId };
}
