import { createRequire } from 'node:module';
import type * as JiebaModule from '@node-rs/jieba';
import type { LexiconEntry, ObjectionKind } from './objection-lexicon.ts';

/**
 * Summary and objections of a meeting transcript: @node-rs/jieba segments the text (keywords
 * for the summary, word boundaries for single-word lexicon entries) and the company's lexicon
 * names the objections. Utterances marked `role: "rep"` are the seller speaking and are not
 * scanned for objections.
 */
export interface Utterance {
  speaker: string;
  at: string;
  text: string;
  role?: 'customer' | 'rep';
}

export interface Objection {
  kind: ObjectionKind;
  text: string;
  speaker: string;
  at: string;
}

export interface Analysis {
  summary: string;
  keywords: string[];
  objections: Objection[];
}

const require = createRequire(import.meta.url);
let engine: { jieba: JiebaModule.Jieba; tfidf: JiebaModule.TfIdf } | undefined;

/** Loaded on first use (the dictionary takes a moment), then shared. */
function jieba() {
  if (!engine) {
    const { Jieba, TfIdf } = require('@node-rs/jieba') as typeof JiebaModule;
    const { dict, idf } = require('@node-rs/jieba/dict') as { dict: Uint8Array; idf: Uint8Array };
    engine = { jieba: Jieba.withDict(dict), tfidf: TfIdf.withDict(idf) };
  }
  return engine;
}

export const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, '');

/** A negation right before a match (不太贵, 没有超预算) cancels it. */
const NEGATIONS = ['不', '没', '无', '并非', '不是', '没有'];
function negatedAt(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 2), index);
  return NEGATIONS.some((n) => before.endsWith(n)) && !before.endsWith('不不');
}

function occurrences(text: string, phrase: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) out.push(i);
  return out;
}

/** A lexicon compiled once per analysis: which entries are single words (matched on word boundaries). */
function compile(lexicon: LexiconEntry[]) {
  const { jieba: j } = jieba();
  return lexicon.map((e) => {
    const phrase = normalise(e.phrase);
    return { kind: e.kind, phrase, word: j.cut(phrase, false).length === 1 && phrase.length <= 2 };
  });
}

export function objectionsIn(text: string, lexicon: ReturnType<typeof compile>): Set<ObjectionKind> {
  const t = normalise(text);
  const words = new Set(jieba().jieba.cutForSearch(t, true));
  const kinds = new Set<ObjectionKind>();
  for (const entry of lexicon) {
    if (kinds.has(entry.kind)) continue;
    if (entry.word && !words.has(entry.phrase)) continue;
    if (occurrences(t, entry.phrase).some((i) => !negatedAt(t, i))) kinds.add(entry.kind);
  }
  return kinds;
}

/** The customer objections of each utterance, one per utterance and kind, in order. */
export function findObjections(utterances: Utterance[], lexicon: LexiconEntry[]): Objection[] {
  const compiled = compile(lexicon);
  return utterances.flatMap((u) =>
    u.role === 'rep'
      ? []
      : [...objectionsIn(u.text, compiled)].map((kind) => ({
          kind,
          text: u.text.slice(0, 300),
          speaker: u.speaker,
          at: u.at,
        })),
  );
}

const KEYWORD_POS = ['n', 'nr', 'ns', 'nt', 'nz', 'vn', 'eng'];

/**
 * An extractive summary: the transcript's TF-IDF keywords, then the (at most) three utterances
 * carrying the most keyword weight, in the order they were said.
 */
export function summarise(utterances: Utterance[], objections: Objection[]): { summary: string; keywords: string[] } {
  const { jieba: j, tfidf } = jieba();
  const all = utterances.map((u) => u.text).join('。');
  const keywords = tfidf.extractKeywords(j, all, 6, KEYWORD_POS);
  const weight = new Map(keywords.map((k) => [k.keyword, k.weight]));
  const objectionLines = new Set(objections.map((o) => `${o.at}\u0000${o.speaker}`));
  const scored = utterances.map((u, index) => {
    const words = new Set(j.cut(u.text, true));
    let score = 0;
    for (const w of words) score += weight.get(w) ?? 0;
    if (objectionLines.has(`${u.at}\u0000${u.speaker}`)) score += 1;
    return { u, index, score };
  });
  const top = scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, 3)
    .sort((a, b) => a.index - b.index);
  const lines = top.map((s) => `${s.u.speaker}：${s.u.text}`);
  const head = keywords.length ? `要点：${keywords.map((k) => k.keyword).join('、')}` : '要点：（无）';
  const summary = [head, ...lines].join('\n').slice(0, 2000);
  return { summary, keywords: keywords.map((k) => k.keyword) };
}

export function analyseTranscript(utterances: Utterance[], lexicon: LexiconEntry[]): Analysis {
  const objections = findObjections(utterances, lexicon);
  return { ...summarise(utterances, objections), objections };
}
