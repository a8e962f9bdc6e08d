import type { Catalog, DetectionRule, Finding } from '@anchorwatch/schemas';
import { attribute, type Attribution } from './attribute.ts';
import { buildFinding, negativity } from './build-finding.ts';
import { compileMentions, findMentions } from './find-mentions.ts';
import { judgeClauses, type JudgedClause } from './judge-clauses.ts';
import { isConcession } from './line-cues.ts';
import { NEGATIVE_PHRASES, type NegativePhrase } from './phrases.ts';
import { applyRules } from './rules/apply-rules.ts';
import { compileRules } from './rules/compile-rules.ts';
import { compileTerms, scoreClause } from './score-clause.ts';
import { splitClauses } from './split-clauses.ts';
import { tokenize } from './tokenize.ts';
import type { DetectContext, DetectInput, DetectLanguage, Detector } from './types.ts';
import { DETECTOR_VERSION } from './version.ts';
import { withChinese } from './zh/dispatch-language.ts';
import type { ZhDetectorOptions } from './zh/create-zh-detector.ts';

/** Knobs for one detector; the defaults are the shipped rules. */
export interface DetectorOptions {
  /** Merchant- or category-specific complaints, added to the built-in live-commerce phrases. */
  extraPhrases?: readonly NegativePhrase[];
  /** A contract's merchant rules (callers add DEFAULT_RULES), compiled once here; see rules/apply-rules.ts. */
  rules?: readonly DetectionRule[];
  /** Default language of the lines ('auto' when absent: Chinese lines go to the Chinese rules). */
  language?: DetectLanguage;
  /** Knobs for the Chinese rules (segmenter, extra phrases). */
  chinese?: ZhDetectorOptions;
}

/** Builds a detector for one catalogue: aliases and phrases are compiled here, once, not per line. */
export function createDetector(catalog: Catalog, options: DetectorOptions = {}): Detector {
  const mentionIndex = compileMentions(catalog);
  const terms = compileTerms([...NEGATIVE_PHRASES, ...(options.extraPhrases ?? [])]);
  const rules = options.rules ? compileRules(options.rules) : null;

  // Language dispatch first, merchant rules after: a contract's rules hold for Chinese lines as for English ones.
  const sentiment = withChinese(catalog, { version: DETECTOR_VERSION, detect: detectSentiment }, options);

  function detect(input: DetectInput, context: DetectContext): Finding[] {
    const found = sentiment.detect(input, context);
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
    const clauses = splitClauses(tokens);
    const scores = clauses.map((c) => scoreClause(terms, tokens, text, c.tokenStart, c.tokenEnd, input.type === 'chat', mentionIndex.keys));
    // Most lines say nothing negative; matching products (the costly, loose part) waits until one might.
    const mightBeNegative = scores.some((s) => s.total < 0 || s.phrases.length > 0);
    if (!mightBeNegative && !(input.type === 'transcript' && isConcession(tokens))) return [];
    const mentions = findMentions(mentionIndex, tokens, text);
    const namesProduct = clauses.map((c) => mentions.some((m) => m.tokenStart >= c.tokenStart && m.tokenStart < c.tokenEnd));
    const firstNamed = clauses.map((c) => mentions.find((m) => m.tokenStart >= c.tokenStart && m.tokenStart < c.tokenEnd)?.tokenEnd ?? -1);
    const judged = judgeClauses(tokens, clauses, scores, namesProduct, { type: input.type }, firstNamed);
    if (!judged.some((j) => j.negative)) return [];
    const strongest = new Map<string, Attribution>();
    for (const a of attribute(tokens, judged, mentions, onAir, mentionIndex.keys)) {
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
