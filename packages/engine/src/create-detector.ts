import type { Catalog, DetectionRule, Finding } from '@anchorwatch/schemas';
import { attribute, type Attribution } from './attribute.ts';
import { buildFinding, negativity } from './build-finding.ts';
import { compileMentions, findMentions, type Mention } from './find-mentions.ts';
import { judgeClauses, type JudgedClause } from './judge-clauses.ts';
import { isConcession } from './line-cues.ts';
import { FeatureBuffer, FeatureKind } from './model/feature-buffer.ts';
import { featureWords, lineFeatures } from './model/line-features.ts';
import type { LineModel } from './model/linear-model.ts';
import { SHIPPED_MODEL } from './model/shipped-model.ts';
import { BODILY_HARM, NEGATIVE_PHRASES, type NegativePhrase } from './phrases.ts';
import { applyRules } from './rules/apply-rules.ts';
import { compileRules } from './rules/compile-rules.ts';
import { compileTerms, scoreClause, type ClauseScore } from './score-clause.ts';
import { splitClauses } from './split-clauses.ts';
import type { Clause } from './split-clauses.ts';
import { tokenize, type Token } from './tokenize.ts';
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
  /**
   * The model that reads English lines after the rules (`model/`): the shipped one when absent, the rules alone
   * when null. Evaluation passes models trained without the lines it scores.
   */
  model?: LineModel | null;
}

/** What the line model made of a line, cited in explanations. */
interface ModelReading {
  model: LineModel;
  probability: number;
  /** The register the line was read in (index into the model's registers). */
  register: number;
  features: FeatureBuffer;
  tokens: readonly Token[];
  clauses: readonly Clause[];
}

/** Builds a detector for one catalogue: aliases and phrases are compiled here, once, not per line. */
export function createDetector(catalog: Catalog, options: DetectorOptions = {}): Detector {
  const mentionIndex = compileMentions(catalog);
  const terms = compileTerms([...NEGATIVE_PHRASES, ...(options.extraPhrases ?? [])]);
  const rules = options.rules ? compileRules(options.rules) : null;
  const model = options.model === undefined ? SHIPPED_MODEL : options.model;
  // Reused for every line: detection is synchronous, so one line's features are done before the next begins.
  const features = new FeatureBuffer();
  // Findings name the model as well as the rules ("rules-25+line-8"); the rules alone keep the rules' version.
  const version = model ? `${DETECTOR_VERSION}+${model.version}` : DETECTOR_VERSION;

  // Language dispatch first, merchant rules after: a contract's rules hold for Chinese lines as for English ones.
  const detectStretch = (input: DetectInput, context: DetectContext) => detectSentiment(input, context, true);
  const sentiment = withChinese(catalog, { version, detect: detectSentiment, detectStretch }, options);

  // Declared once, not per line: under tsx every named closure costs a defineProperty call when it is created.
  const namedIn = (text: string) => findMentions(mentionIndex, tokenize(text), text);

  function detect(input: DetectInput, context: DetectContext): Finding[] {
    const found = sentiment.detect(input, context);
    if (!rules || typeof input?.text !== 'string') return found;
    return applyRules(rules, input, { onAirProductId: context?.onAirProductId ?? null }, found, namedIn, version);
  }

  /** Finds the products a line names and judges its clauses in that light. */
  function judgeLine(tokens: readonly Token[], text: string, clauses: readonly Clause[], scores: readonly ClauseScore[], type: DetectInput['type']) {
    const mentions = findMentions(mentionIndex, tokens, text);
    const namesProduct = clauses.map((c) => mentions.some((m) => m.tokenStart >= c.tokenStart && m.tokenStart < c.tokenEnd));
    const firstNamed = clauses.map((c) => mentions.find((m) => m.tokenStart >= c.tokenStart && m.tokenStart < c.tokenEnd)?.tokenEnd ?? -1);
    return { mentions, judged: judgeClauses(tokens, clauses, scores, namesProduct, { type }, firstNamed) };
  }

  /** Reads one English line; a `stretch` of a Chinese line is read in its type's home register, counted nowhere. */
  function detectSentiment(input: DetectInput, context: DetectContext, stretch = false): Finding[] {
    const text = typeof input?.text === 'string' ? input.text : '';
    const onAir = context?.onAirProductId ?? null;
    // normalise → score clauses → (find mentions → judge) → model → attribute → explain
    const tokens = tokenize(text);
    if (tokens.length === 0) return [];
    const clauses = splitClauses(tokens);
    const scores = clauses.map((c) => scoreClause(terms, tokens, text, c.tokenStart, c.tokenEnd, input.type === 'chat', mentionIndex.keys));
    let mentions: Mention[] = [];
    let judged: JudgedClause[] | null = null;
    // Matching products (the costly, loose part) waits until the line might be negative.
    const mightBeNegative = scores.some((s) => s.total < 0 || s.phrases.length > 0);
    if (mightBeNegative || (input.type === 'transcript' && isConcession(tokens))) ({ mentions, judged } = judgeLine(tokens, text, clauses, scores, input.type));
    const rulesSay = judged?.some((j) => j.negative) ?? false;
    let reading: ModelReading | null = null;
    let modelBlamed = -1;
    if (model) {
      const phraseNegative = judged?.some((j) => j.negative && j.score.phrases.length > 0) ?? false;
      const ruling = { clauses, scores, negative: rulesSay, phraseNegative, weighed: judged !== null, type: input.type, productWords: mentionIndex.keys };
      lineFeatures(tokens, text, ruling, model.bits, features);
      // A few English words cut from a Chinese line are not a text of their own: read as their speaker's kind.
      const { probability, register } = stretch ? model.readAtHome(features, input.type) : model.read(features, input.type, context?.voice);
      // The model may clear what the rules flagged or flag what they cleared (model/linear-model.ts: `veto`, and
      // each register's `flagAt`); the rules still say which clause and which product.
      if ((probability < model.veto && !reportsHarm(judged)) || (!rulesSay && probability < model.registers[register]!.flagAt)) return [];
      reading = { model, probability, register, features, tokens, clauses };
      if (!judged) ({ mentions, judged } = judgeLine(tokens, text, clauses, scores, input.type));
      if (!rulesSay) {
        const blamed = clauseTheModelBlames(model, register, features, judged);
        if (blamed < 0) return [];
        judged[blamed]!.negative = true;
        modelBlamed = blamed;
      }
    } else if (!rulesSay) return [];
    const lineJudged = judged!;
    const strongest = new Map<string, Attribution>();
    for (const a of attribute(tokens, lineJudged, mentions, onAir, mentionIndex.keys, text)) {
      const held = strongest.get(a.productId);
      if (!held || outranks(lineJudged[a.clauseIndex]!, lineJudged[held.clauseIndex]!)) strongest.set(a.productId, a);
    }
    const source = { eventId: input.eventId, type: input.type, text };
    // One reading per line, however many products it blames.
    const explained = reading ? explainReading(reading) : null;
    return [...strongest.values()].map((a) => {
      const finding = buildFinding(source, a, lineJudged[a.clauseIndex]!, version);
      if (!reading || !explained) return finding;
      // A copy per finding (no spreads: they cost more than the rest of an explanation on this path).
      const words = explained.words.map((w) => ({ text: w.text, negated: w.negated, weight: w.weight }));
      finding.explanation.model = { version: explained.version, probability: explained.probability, register: explained.register, words };
      // A clause only the model flagged has no lexicon score of its own: half its probability places it below
      // the rules' strong evidence (a phrase scores 0.4 and up) and lets merchant sentiment thresholds grade it.
      if (a.clauseIndex === modelBlamed) finding.score = Math.max(finding.score, Math.round(reading.probability * 500) / 1000);
      return finding;
    });
  }

  return { version, detect };
}

/** True when a clause the rules found negative reports harm to the speaker's body (`BODILY_HARM`). */
function reportsHarm(judged: readonly JudgedClause[] | null): boolean {
  return judged?.some((j) => j.negative && j.score.phrases.some((p) => BODILY_HARM.has(p.slug))) ?? false;
}

// A phrase rule is the stronger evidence; between equals, the more negative clause explains the finding.
function outranks(a: JudgedClause, b: JudgedClause): boolean {
  const phraseA = a.score.phrases.length > 0;
  const phraseB = b.score.phrases.length > 0;
  if (phraseA !== phraseB) return phraseA;
  return negativity(a) > negativity(b);
}

/**
 * The clause whose words the model reads as most negative (the first on a tie), among those the rules did not
 * settle; -1 when the rules settled every clause (a question, a rebuttal, a "but" taking it back).
 */
function clauseTheModelBlames(model: LineModel, register: number, features: FeatureBuffer, judged: readonly JudgedClause[]): number {
  const share = new Array<number>(judged.length).fill(0);
  for (let i = 0; i < features.count; i++) {
    const clause = features.clause[i]!;
    if (clause >= 0) share[clause]! += model.weight(features.index[i]!, register) * features.value[i]!;
  }
  let best = -1;
  for (let c = 0; c < judged.length; c++) {
    if (!judged[c]!.settled && (best < 0 || share[c]! > share[best]!)) best = c;
  }
  return best;
}

// How many of the model's words an explanation cites.
const CITED_WORDS = 5;
// Each feature's share of the verdict, reused from line to line (detection is synchronous).
let shares = new Float64Array(64);

/** The model's probability, the register it read the line in, and the words that pushed hardest towards negative. */
function explainReading({ model, probability, register, features, tokens, clauses }: ModelReading): NonNullable<Finding['explanation']['model']> {
  // Weigh every feature first and spell out words only for the winners, best first (the first of equals first):
  // a line has dozens of features, and building their words' strings was most of an explanation's cost.
  if (shares.length < features.count) shares = new Float64Array(features.count * 2);
  for (let i = 0; i < features.count; i++) {
    shares[i] = features.kind[i] === FeatureKind.summary ? 0 : Math.round(model.weight(features.index[i]!, register) * features.value[i]! * 1000) / 1000;
  }
  const words: NonNullable<Finding['explanation']['model']>['words'] = [];
  while (words.length < CITED_WORDS) {
    let best = -1;
    for (let i = 0; i < features.count; i++) if (shares[i]! > 0 && (best < 0 || shares[i]! > shares[best]!)) best = i;
    if (best < 0) break;
    const weight = shares[best]!;
    shares[best] = 0;
    const cited = featureWords(features, best, tokens, clauses);
    if (cited !== null) words.push({ text: cited.text, negated: cited.negated, weight });
  }
  return { version: model.version, probability: Math.round(probability * 1000) / 1000, register: model.registers[register]!.name, words };
}
