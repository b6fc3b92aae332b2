import { z } from 'zod';
import { newId } from '../../common/ids.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { validationError } from '../errors.ts';
import { defaultLexiconEntries, lexiconEntrySchema, type LexiconEntry } from './objection-lexicon.ts';

/**
 * Each company's objection lexicon, stored one phrase a row. A company without rows uses the
 * defaults; saving replaces the whole list, and saving an empty list goes back to the defaults.
 */
export const lexiconBodySchema = z.object({ entries: z.array(lexiconEntrySchema).max(2000) }).strict();

export const lexiconOutput = z
  .object({
    entries: z.array(z.object({ kind: z.string(), phrase: z.string() })),
    isDefault: z.boolean().describe('The company has not saved its own lexicon; these are the defaults'),
  })
  .meta({ id: 'TranscriptLexicon' });

async function stored(trx: Trx, tenantId: string): Promise<LexiconEntry[]> {
  const rows = await trx
    .selectFrom('transcript_lexicon')
    .select(['kind', 'phrase'])
    .where('tenant_id', '=', tenantId)
    .orderBy('kind')
    .orderBy('phrase')
    .execute();
  return rows as LexiconEntry[];
}

export async function loadLexicon(trx: Trx, tenantId: string): Promise<LexiconEntry[]> {
  const rows = await stored(trx, tenantId);
  return rows.length ? rows : defaultLexiconEntries();
}

export async function readLexicon(trx: Trx, tenantId: string) {
  const rows = await stored(trx, tenantId);
  return rows.length ? { entries: rows, isDefault: false } : { entries: defaultLexiconEntries(), isDefault: true };
}

export async function saveLexicon(trx: Trx, tenantId: string, userId: string, entries: LexiconEntry[]) {
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const key = `${e.kind}\u0000${e.phrase.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined)
      throw validationError([{ path: `entries.${i}.phrase`, message: `repeats entries.${first}` }]);
    seen.set(key, i);
  });
  await trx.deleteFrom('transcript_lexicon').where('tenant_id', '=', tenantId).execute();
  if (entries.length)
    await trx
      .insertInto('transcript_lexicon')
      .values(
        entries.map((e) => ({
          tenant_id: tenantId,
          id: newId(),
          kind: e.kind,
          phrase: e.phrase.toLowerCase(),
          updated_by: userId,
        })),
      )
      .execute();
  return readLexicon(trx, tenantId);
}
