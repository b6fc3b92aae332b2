import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const frozen = JSON.parse(fs.readFileSync(path.join(dir, 'frozen.json'), 'utf8')) as { files: Record<string, string> };
const sha256 = (file: string) =>
  createHash('sha256')
    .update(fs.readFileSync(path.join(dir, file)))
    .digest('hex');
const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('applied migrations are frozen (server/db/migrations/frozen.json)', () => {
  it.each(Object.keys(frozen.files))('%s is unchanged: changes go in a new migration file', (file) => {
    expect(sources, `${file} was removed or renamed`).toContain(file);
    expect(sha256(file), `${file} changed after it was applied`).toBe(frozen.files[file]);
  });

  it('lists every migration file with its hash, so it is frozen from its first commit', () => {
    const unlisted = sources.filter((f) => !(f in frozen.files)).map((f) => `"${f}": "${sha256(f)}"`);
    expect(unlisted, 'add these to frozen.json').toEqual([]);
  });
});
