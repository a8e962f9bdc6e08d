import type { Explanation } from '@anchorwatch/schemas';

/** A run of the quote: plain, the product's mention, or a negative cue. */
export interface Segment {
  text: string;
  mark: 'product' | 'cue' | null;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Chinese is written without spaces: a word boundary is needed only where a cue's edge meets a letter or digit of
// a spaced script (broke ≠ broken), never beside a Chinese character (智商税 in 就是智商税).
const HAN = /\p{Script=Han}/u;
const EDGE_BEFORE = '(?<=^|[^\\p{L}\\p{N}]|\\p{Script=Han})';
const EDGE_AFTER = '(?=$|[^\\p{L}\\p{N}]|\\p{Script=Han})';

/**
 * Splits an alert's quote into segments with the product mention and every negative cue marked. The product span
 * comes as offsets (used when they still match the text, else searched); cues come as words or phrases, found
 * case-insensitively on word boundaries (for Chinese, wherever they occur), and so do the words the line model
 * weighed most. Overlaps keep the earlier mark.
 */
export function highlightQuote(text: string, explanation: Explanation): Segment[] {
  const marks: { start: number; end: number; mark: 'product' | 'cue' }[] = [];
  const { product } = explanation;
  if (product.end > product.start && text.slice(product.start, product.end).toLowerCase() === product.text.toLowerCase()) {
    marks.push({ start: product.start, end: product.end, mark: 'product' });
  } else if (product.text) {
    const at = text.toLowerCase().indexOf(product.text.toLowerCase());
    if (at >= 0) marks.push({ start: at, end: at + product.text.length, mark: 'product' });
  }
  // The line model's words are cues too.
  const modelWords = (explanation.model?.words ?? []).map((w) => w.text);
  for (const cue of [...explanation.cues.map((c) => c.text), ...modelWords]) {
    if (!cue.trim()) continue;
    const before = HAN.test(cue.at(0)!) ? '' : EDGE_BEFORE;
    const after = HAN.test(cue.at(-1)!) ? '' : EDGE_AFTER;
    const pattern = new RegExp(`${before}${escapeRegExp(cue)}${after}`, 'giu');
    for (const m of text.matchAll(pattern)) marks.push({ start: m.index, end: m.index + m[0].length, mark: 'cue' });
  }
  // The product mention is placed first, so a cue or a model word pair around it ("my magsnap") never hides it;
  // then cues in order, each only where nothing is marked yet (overlaps keep the earlier mark).
  const placed: typeof marks = [];
  const byPriority = [...marks.filter((m) => m.mark === 'product'), ...marks.filter((m) => m.mark === 'cue').sort((a, b) => a.start - b.start || b.end - a.end)];
  for (const m of byPriority) if (!placed.some((p) => m.start < p.end && p.start < m.end)) placed.push(m);
  placed.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const m of placed) {
    if (m.start > at) segments.push({ text: text.slice(at, m.start), mark: null });
    segments.push({ text: text.slice(m.start, m.end), mark: m.mark });
    at = m.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: null });
  return segments;
}
