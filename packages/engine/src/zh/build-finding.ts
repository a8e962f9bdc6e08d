import type { Finding, Severity } from '@anchorwatch/schemas';
import type { ZhAttribution } from './attribute.ts';
import type { ZhJudgedClause } from './judge-line.ts';
import { originalRange, type NormalizedText } from './normalize.ts';

// A clause summing to -5 (one phrase and one strong word) is as negative as the engine scores, as in English.
const FULL_SCALE = 5;

function severityOf(type: 'transcript' | 'chat', hasPhrase: boolean): Severity {
  if (type === 'transcript') return hasPhrase ? 'critical' : 'high';
  return hasPhrase ? 'medium' : 'low';
}

/** Turns one product's strongest negative clause into a Finding whose explanation quotes the original Chinese. */
export function buildZhFinding(
  source: { eventId: string; type: 'transcript' | 'chat'; text: string },
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
  const firstPhrase = score.phrases[0];
  const cues = score.cues.map((c) => ({ text: quote(c.start, c.end).text, weight: c.weight, source: c.source }));
  if (score.sarcasm) cues.push({ text: quote(clause.start, clause.end).text, weight: -3, source: 'phrase' });
  return {
    eventId: source.eventId,
    productId: attribution.productId,
    kind: source.type === 'transcript' ? 'host_negative' : 'chat_negative',
    rule: firstPhrase ? `phrase.${firstPhrase.slug}` : 'sentiment.negative',
    severity: severityOf(source.type, firstPhrase !== undefined),
    score: Math.min(1, Math.max(0, -score.total / FULL_SCALE)),
    explanation: {
      clause: quote(clause.start, clause.end).text,
      product: { via: attribution.via, ...quote(attribution.start, attribution.end) },
      cues,
      negated: score.negated.map((n) => quote(n.start, n.end).text),
    },
    detectorVersion,
  };
}
