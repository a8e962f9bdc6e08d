import { CharTrie } from './char-trie.ts';
import {
  ZH_ACCUSING, ZH_CONCESSIONS, ZH_CONDITIONALS, ZH_DEICTICS, ZH_DENIALS, ZH_ELSEWHERE, ZH_OFF_TOPIC, ZH_QUESTIONS,
  ZH_REPORTING,
} from './lexicon.ts';

/** The kinds of function words the line-level rules look for, as bits. */
export const Marker = {
  accusing: 1,
  admission: 2,
  condition: 4,
  deictic: 8,
  denial: 16,
  elsewhere: 32,
  offTopic: 64,
  question: 128,
  reporting: 256,
} as const;

/** A function word found in a normalised line: where, and which kinds it is. */
export interface MarkerHit {
  start: number;
  end: number;
  kinds: number;
}

const trie = new CharTrie<number>();
const lists: [readonly string[], number][] = [
  [ZH_ACCUSING, Marker.accusing], [ZH_CONCESSIONS, Marker.admission], [ZH_CONDITIONALS, Marker.condition],
  [ZH_DEICTICS, Marker.deictic], [ZH_DENIALS, Marker.denial], [ZH_ELSEWHERE, Marker.elsewhere],
  [ZH_OFF_TOPIC, Marker.offTopic], [ZH_QUESTIONS, Marker.question], [ZH_REPORTING, Marker.reporting],
];
for (const [words, kind] of lists) for (const word of words) trie.add(word, kind, (old, added) => old | added);

/** Every marker in a line, in one pass over it (overlaps included: 这个 is found as 这 and as 这个). */
export function scanMarkers(text: string): MarkerHit[] {
  const hits: MarkerHit[] = [];
  trie.scan(text, (start, end, kinds) => hits.push({ start, end, kinds }));
  return hits;
}

/** Whether a marker of `kind` lies inside [from, to). */
export const hasMarker = (hits: readonly MarkerHit[], kind: number, from = 0, to = Number.POSITIVE_INFINITY): boolean =>
  hits.some((h) => (h.kinds & kind) !== 0 && h.start >= from && h.end <= to);

/** The first (then longest) marker of `kind` inside [from, to), or null. */
export function firstMarker(hits: readonly MarkerHit[], kind: number, from = 0, to = Number.POSITIVE_INFINITY): MarkerHit | null {
  let best: MarkerHit | null = null;
  for (const h of hits) {
    if ((h.kinds & kind) === 0 || h.start < from || h.end > to) continue;
    if (!best || h.start < best.start || (h.start === best.start && h.end > best.end)) best = h;
  }
  return best;
}
