import { describe, expect, it } from 'vitest';
import { labelledMeetings } from './fixtures/labelled-utterances.ts';
import { defaultLexiconEntries, objectionKinds } from './objection-lexicon.ts';
import { analyseTranscript, findObjections, type Utterance } from './transcript-analysis.ts';

const meetings: Utterance[][] = labelledMeetings.map((m) =>
  m.map((u, i) => ({
    speaker: u.role === 'rep' ? '销售' : '客户',
    at: `00:${String(i).padStart(2, '0')}:00`,
    text: u.text,
    ...(u.role ? { role: u.role } : {}),
  })),
);

describe('objections in the labelled fixture meetings', () => {
  it('ships at least 40 labelled utterances, covering every kind', () => {
    const all = labelledMeetings.flat();
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const kind of objectionKinds) expect(all.some((u) => u.kinds.includes(kind))).toBe(true);
  });

  it('finds them with precision and recall of at least 0.8 (pairs of utterance and kind)', () => {
    let truePositives = 0;
    let predicted = 0;
    let labelled = 0;
    const misses: string[] = [];
    labelledMeetings.forEach((meeting, m) => {
      const found = findObjections(meetings[m]!, defaultLexiconEntries());
      meeting.forEach((u, i) => {
        const got = new Set(found.filter((o) => o.at === meetings[m]![i]!.at).map((o) => o.kind));
        predicted += got.size;
        labelled += u.kinds.length;
        for (const kind of u.kinds) if (got.has(kind)) truePositives += 1;
        const want = new Set(u.kinds);
        if ([...got].some((k) => !want.has(k)) || u.kinds.some((k) => !got.has(k)))
          misses.push(`${u.text} → ${[...got].join(',') || '-'} (labelled ${u.kinds.join(',') || '-'})`);
      });
    });
    const precision = truePositives / predicted;
    const recall = truePositives / labelled;
    console.log(`objections: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`, misses);
    expect(labelled).toBeGreaterThanOrEqual(20);
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });

  it('reads the lexicon it is given: an empty lexicon finds nothing, an added phrase is found', () => {
    const meeting = [{ speaker: '客户', at: '0', text: '我们更想要一套能开发票的系统' }];
    expect(findObjections(meeting, [])).toEqual([]);
    expect(findObjections(meeting, [{ kind: 'feature_gap', phrase: '开发票' }]).map((o) => o.kind)).toEqual([
      'feature_gap',
    ]);
  });

  it('does not count a negated phrase or a seller line', () => {
    const lexicon = defaultLexiconEntries();
    expect(findObjections([{ speaker: '客户', at: '0', text: '价格也不太贵' }], lexicon)).toEqual([]);
    expect(findObjections([{ speaker: '销售', at: '0', text: '您是觉得太贵吗？', role: 'rep' }], lexicon)).toEqual([]);
  });

  it('summarises with keywords and the weightiest lines, in order', () => {
    const { summary, keywords } = analyseTranscript(meetings[0]!, defaultLexiconEntries());
    expect(summary.startsWith('要点：')).toBe(true);
    expect(keywords.length).toBeGreaterThan(0);
    const lines = summary.split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(3);
    const positions = lines.map((l) => meetings[0]!.findIndex((u) => l.endsWith(u.text)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
