import { describe, expect, it } from 'vitest';
import { mappingErrorCode, mappingProblems, targetsOf } from './channel-mapping.ts';

const targets = targetsOf([{ key: 'employees', type: 'number', options: [] }]);

describe('the shared mapping type check (server at save time, web editor as you edit)', () => {
  it('passes a mapping that loses nothing', () => {
    const problems = mappingProblems(
      [
        { source: 'company', target: 'name', transforms: [{ op: 'trim' }] },
        { source: 'phone', target: 'mainPhone', transforms: [{ op: 'phone' }] },
        { source: 'staff', target: 'custom.employees', transforms: [{ op: 'number' }] },
      ],
      targets,
    );
    expect(problems).toEqual([]);
    expect(mappingErrorCode(problems)).toBeUndefined();
  });

  it('calls a text phone onto a number field lossy, and an unknown target invalid', () => {
    const lossy = mappingProblems([{ source: 'tel', target: 'custom.employees' }], targets);
    expect(lossy).toEqual([expect.objectContaining({ path: 'mapping[0]', kind: 'lossy' })]);
    expect(mappingErrorCode(lossy)).toBe('MAPPING_LOSSY');
    const invalid = mappingProblems([{ source: 'a', target: 'custom.nope' }], targets);
    expect(mappingErrorCode([...lossy, ...invalid])).toBe('MAPPING_INVALID');
  });

  it('refuses a mapping that is not a list', () => {
    expect(mappingProblems({}, targets)).toEqual([expect.objectContaining({ path: 'mapping', kind: 'invalid' })]);
  });
});
