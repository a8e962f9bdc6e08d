import type { Finding } from '@anchorwatch/schemas';
import { assembleFinding, FULL_SCALE, type FindingSource } from '../build-finding.ts';
import type { ZhAttribution } from './attribute.ts';
import type { ZhJudgedClause } from './judge-line.ts';
import { originalRange, type NormalizedText } from './normalize.ts';

/** Turns one product's strongest negative clause into a Finding whose explanation quotes the original Chinese. */
export function buildZhFinding(
  source: FindingSource,
  norm: NormalizedText,
  attribution: ZhAttribution,
  judged: ZhJudgedClause,
  detectorVersion: string,
): Finding {
  const { clause, score } = judged;
  const quote = (start: number, end: number): { text: string; start: number; end: number } => {
    const range = originalRange(norm, start, end);
    return { text: source.text.slice(range.start, range.end), ...range };
  };
  const cues = score.cues.map((c) => ({ text: quote(c.start, c.end).text, weight: c.weight, source: c.source }));
  if (score.sarcasm) cues.push({ text: quote(clause.start, clause.end).text, weight: -3, source: 'phrase' });
  const explanation = {
    clause: quote(clause.start, clause.end).text,
    product: { via: attribution.via, ...quote(attribution.start, attribution.end) },
    cues,
    negated: score.negated.map((n) => quote(n.start, n.end).text),
  };
  return assembleFinding(source, attribution.productId, score.phrases[0]?.slug, Math.min(1, Math.max(0, -score.total / FULL_SCALE)), explanation, detectorVersion);
}
