import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestEvent } from '@anchorwatch/schemas';
import { pairKey, type EvalSet } from '../stream.ts';

/** The one product on air while each sentence is read as host speech; named so that no sentence names it. */
export const SENTENCE_PRODUCT = { id: 'item', name: 'Anchorwatch Sample Item', brand: null, aliases: [] };

export interface LabelledLine {
  text: string;
  negative: boolean;
}

/** One stream: the sample product goes on air, then every line is a host transcript of one second. */
export function sentenceSet(name: string, lines: readonly LabelledLine[], language = 'en'): EvalSet {
  const events: IngestEvent[] = [{ type: 'product_on_air', id: 'p1', productId: SENTENCE_PRODUCT.id, at: 0 }];
  const gold = new Set<string>();
  lines.forEach((line, i) => {
    const id = `s${i + 1}`;
    events.push({ type: 'transcript', id, start: i + 1, end: i + 1, text: line.text, speaker: 'host', final: true });
    if (line.negative) gold.add(pairKey(id, SENTENCE_PRODUCT.id));
  });
  return { name, language, kind: 'public', streams: [{ catalog: { products: [SENTENCE_PRODUCT] }, events, startedAtMs: 0, gold }] };
}

// Split on "\n" only: imdb has U+0085 inside sentences.
const rows = (path: string): string[][] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));

/** UCI "Sentiment Labelled Sentences" (`sentence<TAB>label`, 0 negative). */
export function loadLabelledSentences(path: string, name: string): EvalSet {
  return sentenceSet(name, rows(path).map((r) => ({ text: r[0] ?? '', negative: r[1]?.trim() === '0' })));
}

/** VADER's tweets ground truth, strict variant: lines with |mean rating| < 0.5 are dropped; negative = mean < 0. */
export function loadTweetsStrict(path: string): EvalSet {
  const lines = rows(path)
    .map((r) => ({ mean: Number(r[1]), text: r.slice(2).join('\t') }))
    .filter((r) => Number.isFinite(r.mean) && Math.abs(r.mean) >= 0.5)
    .map((r) => ({ text: r.text, negative: r.mean < 0 }));
  return sentenceSet('tweets (strict)', lines);
}

/** The three sentence sets that exist under `dir`. */
export function loadSentenceSets(dir: string): EvalSet[] {
  const sets: EvalSet[] = [];
  const yelp = join(dir, 'yelp_labelled.txt');
  const imdb = join(dir, 'imdb_labelled.txt');
  const tweets = join(dir, 'tweets_GroundTruth.txt');
  if (existsSync(yelp)) sets.push(loadLabelledSentences(yelp, 'yelp'));
  if (existsSync(imdb)) sets.push(loadLabelledSentences(imdb, 'imdb'));
  if (existsSync(tweets)) sets.push(loadTweetsStrict(tweets));
  return sets;
}
