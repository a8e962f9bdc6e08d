import type { Catalog, DetectionRule, Finding } from '@anchorwatch/schemas';
import { attribute, type Attribution } from './attribute.ts';
import { buildFinding, negativity } from './build-finding.ts';
import { compileMentions, findMentions } from './find-mentions.ts';
import { judgeClauses, type JudgedClause } from './judge-clauses.ts';
import { NEGATIVE_PHRASES, type NegativePhrase } from './phrases.ts';
import { applyRules } from './rules/apply-rules.ts';
import { compileRules } from './rules/compile-rules.ts';
import { compileTerms, scoreClause } from './score-clause.ts';
import { endsWithQuestion, splitClauses } from './split-clauses.ts';
import { tokenize } from './tokenize.ts';
import type { DetectContext, DetectInput, Detector } from './types.ts';
import { DETECTOR_VERSION } from './version.ts';

/** Knobs for one detector; the defaults are the shipped rules. */
export interface DetectorOptions {
  /** Merchant- or category-specific complaints, added to the built-in live-commerce phrases. */
  extraPhrases?: readonly NegativePhrase[];
  /** A contract's merchant rules (callers add DEFAULT_RULES), compiled once here; see rules/apply-rules.ts. */
  rules?: readonly DetectionRule[];
}

/** Builds a detector for one catalogue: aliases and phrases are compiled here, once, not per line. */
export function createDetector(catalog: Catalog, options: DetectorOptions = {}): Detector {
  const mentionIndex = compileMentions(catalog);
  const terms = compileTerms([...NEGATIVE_PHRASES, ...(options.extraPhrases ?? [])]);
  const rules = options.rules ? compileRules(options.rules) : null;

  function detect(input: DetectInput, context: DetectContext): Finding[] {
    const found = detectSentiment(input, context);
    if (!rules || typeof input?.text !== 'string') return found;
    const namedIn = (text: string) => findMentions(mentionIndex, tokenize(text), text);
    return applyRules(rules, input, { onAirProductId: context?.onAirProductId ?? null }, found, namedIn, DETECTOR_VERSION);
  }

  function detectSentiment(input: DetectInput, context: DetectContext): Finding[] {
    const text = typeof input?.text === 'string' ? input.text : '';
    const onAir = context?.onAirProductId ?? null;
    // normalise → find mentions → split clauses → score → attribute → explain
    const tokens = tokenize(text);
    if (tokens.length === 0) return [];
    const mentions = findMentions(mentionIndex, tokens, text);
    const clauses = splitClauses(tokens);
    const scores = clauses.map((c) => scoreClause(terms, tokens, text, c.tokenStart, c.tokenEnd));
    const namesProduct = clauses.map((c) => mentions.some((m) => m.tokenStart >= c.tokenStart && m.tokenStart < c.tokenEnd));
    const judged = judgeClauses(clauses, scores, namesProduct, { isQuestion: endsWithQuestion(tokens), type: input.type });
    if (!judged.some((j) => j.negative)) return [];
    const strongest = new Map<string, Attribution>();
    for (const a of attribute(tokens, judged, mentions, onAir)) {
      const held = strongest.get(a.productId);
      if (!held || outranks(judged[a.clauseIndex]!, judged[held.clauseIndex]!)) strongest.set(a.productId, a);
    }
    const source = { eventId: input.eventId, type: input.type, text };
    return [...strongest.values()].map((a) => buildFinding(source, a, judged[a.clauseIndex]!, DETECTOR_VERSION));
  }

  return { version: DETECTOR_VERSION, detect };
}

// A phrase rule is the stronger evidence; between equals, the more negative clause explains the finding.
function outranks(a: JudgedClause, b: JudgedClause): boolean {
  const phraseA = a.score.phrases.length > 0;
  const phraseB = b.score.phrases.length > 0;
  if (phraseA !== phraseB) return phraseA;
  return negativity(a) > negativity(b);
}
