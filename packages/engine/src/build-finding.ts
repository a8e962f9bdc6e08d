import type { Finding, Severity } from '@anchorwatch/schemas';
import type { Attribution } from './attribute.ts';
import type { JudgedClause } from './judge-clauses.ts';

/** The line a finding is about, as the detector was given it. */
export interface FindingSource {
  eventId: string;
  type: 'transcript' | 'chat';
  text: string;
}

// A clause summing to -5 (one strong phrase and one strong word) is as negative as the engine scores.
export const FULL_SCALE = 5;

function severityOf(type: FindingSource['type'], hasPhrase: boolean): Severity {
  if (type === 'transcript') return hasPhrase ? 'critical' : 'high';
  return hasPhrase ? 'medium' : 'low';
}

/**
 * A finding as both languages build it: who spoke (host speech is the breach, chat a signal), which rule fired (the
 * first phrase, else plain sentiment) and how severe that is, with the score and explanation the language gives.
 * One literal, not a spread of parts: a spread on the hot path costs more than the rest of the finding.
 */
export function assembleFinding(
  source: FindingSource,
  productId: string,
  firstPhraseSlug: string | undefined,
  score: number,
  explanation: Finding['explanation'],
  detectorVersion: string,
): Finding {
  return {
    eventId: source.eventId,
    productId,
    kind: source.type === 'transcript' ? 'host_negative' : 'chat_negative',
    rule: firstPhraseSlug ? `phrase.${firstPhraseSlug}` : 'sentiment.negative',
    severity: severityOf(source.type, firstPhraseSlug !== undefined),
    score,
    explanation,
    detectorVersion,
  };
}

/** Negativity of a judged clause in [0, 1]; a fired phrase counts even when friendly words offset it. */
export function negativity(judged: JudgedClause): number {
  const { score } = judged;
  const phraseSum = score.cues.filter((c) => c.source === 'phrase').reduce((sum, c) => sum + c.weight, 0);
  const lexiconSum = score.total - phraseSum;
  const raw = score.phrases.length > 0 ? phraseSum + Math.min(0, lexiconSum) : score.total;
  return Math.min(1, Math.max(0, -raw / FULL_SCALE));
}

/** Turns one product's strongest negative clause into a Finding with its explanation. */
export function buildFinding(
  source: FindingSource,
  attribution: Attribution,
  judged: JudgedClause,
  detectorVersion: string,
): Finding {
  const { clause, score } = judged;
  const explanation = { clause: source.text.slice(clause.start, clause.end), product: attribution.product, cues: score.cues, negated: score.negated };
  return assembleFinding(source, attribution.productId, score.phrases[0]?.slug, negativity(judged), explanation, detectorVersion);
}
