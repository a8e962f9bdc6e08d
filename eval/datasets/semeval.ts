import { existsSync, readFileSync } from 'node:fs';
import type { IngestEvent } from '@anchorwatch/schemas';
import { pairKey, type EvalSet, type EvalStream } from '../stream.ts';

const decode = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * SemEval-2014 Task 4 restaurants: each sentence is one stream whose catalogue holds its aspect terms as
 * products (nothing on air); a term is gold when its polarity is negative. Conflict terms are dropped.
 */
export function loadSemevalAspects(path: string, name: string): EvalSet {
  const xml = readFileSync(path, 'utf8');
  const streams: EvalStream[] = [];
  for (const [, id, body] of xml.matchAll(/<sentence id="([^"]*)"[^>]*>([\s\S]*?)<\/sentence>/g)) {
    const text = decode(/<text>([\s\S]*?)<\/text>/.exec(body ?? '')?.[1] ?? '');
    const terms = [...(body ?? '').matchAll(/<aspectTerm\b[^>]*\/>/g)]
      .map((m) => ({ term: decode(attr(m[0], 'term') ?? ''), polarity: attr(m[0], 'polarity') ?? '' }))
      .filter((t) => t.term !== '' && t.polarity !== 'conflict');
    if (terms.length === 0) continue;
    const eventId = `r${id}`;
    const products = terms.map((t, i) => ({ id: `a${i}`, name: t.term, brand: null, aliases: [] }));
    const gold = new Set(terms.flatMap((t, i) => (t.polarity === 'negative' ? [pairKey(eventId, `a${i}`)] : [])));
    const events: IngestEvent[] = [{ type: 'transcript', id: eventId, start: 0, end: 0, text, speaker: 'host', final: true }];
    streams.push({ catalog: { products }, events, startedAtMs: 0, gold });
  }
  return { name, language: 'en', kind: 'public', streams };
}

/** The test gold file (the headline figure) and the training file, where present. */
export function loadSemevalSets(dir: string): EvalSet[] {
  const sets: EvalSet[] = [];
  const test = `${dir}/Restaurants_Test_Gold.xml`;
  const train = `${dir}/Restaurants_Train_v2.xml`;
  if (existsSync(test)) sets.push(loadSemevalAspects(test, 'restaurants test (aspects)'));
  if (existsSync(train)) sets.push(loadSemevalAspects(train, 'restaurants train (aspects)'));
  return sets;
}
