import { ZH_CONTRASTS } from './lexicon.ts';
import { hasMarker, Marker, type MarkerHit } from './markers.ts';

/** A stretch of a normalised line between pauses or punctuation, or after a contrast word. */
export interface ZhClause {
  start: number;
  end: number;
  /** Asks something (吗, ？, 能不能) without accusing. */
  question: boolean;
  /** Asks in order to accuse (是不是过期了, 这不是坑人吗, 凭啥卖这么贵). */
  accusing: boolean;
  /** Opens with a contrast word (但是, 不过, 可). */
  contrast: boolean;
}

const BREAK_CHARS = new Set('，,。.!！?？;；:：、…~ \t\n\u3000');
// 可 opens a contrast only when it is not 可以, 可能, 可爱, 可惜…
const CONTRAST_AT = new RegExp(`^(?:${ZH_CONTRASTS.filter((w) => w !== '可').join('|')}|可(?![以能爱惜怜是口乐]))`);

// Character codes, not one-character strings: this loop runs over every character of every line.
const BREAK_CODES = new Set(Array.from(BREAK_CHARS, (c) => c.charCodeAt(0)));
const CONTRAST_FIRST = new Set(ZH_CONTRASTS.map((w) => w.charCodeAt(0)));

/** Where a normalised line breaks into clauses: at punctuation, ASR pauses (spaces) and contrast words. */
export function clauseSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    const atBreak = code < 0 || BREAK_CODES.has(code);
    const contrastHere =
      i > start && !atBreak && CONTRAST_FIRST.has(code) && !BREAK_CODES.has(text.charCodeAt(i - 1)) && CONTRAST_AT.test(text.slice(i, i + 4));
    if (atBreak || contrastHere) {
      if (i > start) spans.push([start, i]);
      start = atBreak ? i + 1 : i;
    }
  }
  return spans;
}

/** Splits a normalised line into clauses and reads each one's question, accusation and contrast marks. */
export function splitZhClauses(text: string, markers: readonly MarkerHit[], spans = clauseSpans(text)): ZhClause[] {
  return spans.map(([s, e]) => {
    const body = text.slice(s, e);
    // A clause ending in 吧 guesses aloud (三无产品吧？): a claim, not a question.
    const next = nextMarks(text, e);
    const marked = (next >= 1 && !/吧$/.test(body)) || /[吗么][啊呀哈]?$/.test(body);
    // "３２９９？？" "这样正常吗？？": doubled question marks are incredulity, not a question.
    const accusing = hasMarker(markers, Marker.accusing, s, e) || next >= 2;
    const asks = marked || hasMarker(markers, Marker.question, s, e);
    return { start: s, end: e, question: asks && !accusing, accusing, contrast: CONTRAST_AT.test(body) };
  });
}

// How many question marks follow position `at` (spaces skipped): 0, 1 or 2 for two or more.
function nextMarks(text: string, at: number): number {
  let i = at;
  while (text[i] === ' ') i++;
  let n = 0;
  while (n < 2 && (text[i] === '?' || text[i] === '？')) {
    n++;
    i++;
  }
  return n;
}
