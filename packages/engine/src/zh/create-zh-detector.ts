import type { Catalog, Finding } from '@anchorwatch/schemas';
import type { DetectContext, DetectInput, Detector } from '../types.ts';
import { DETECTOR_VERSION } from '../version.ts';
import { attributeZh, type ZhAttribution } from './attribute.ts';
import { buildZhFinding } from './build-finding.ts';
import { compileZhMentions, findZhMentions, type ZhMentions } from './find-mentions.ts';
import { judgeZhLine, type LineRole, type ZhJudgedClause } from './judge-line.ts';
import { scanMarkers } from './markers.ts';
import { normalizeZh } from './normalize.ts';
import { compileZhTerms, scoreZhClause, type ZhClauseScore } from './score-clause.ts';
import { defaultSegmenter, type Segmenter } from './segmenter.ts';
import { clauseSpans, splitZhClauses } from './split-clauses.ts';

/** Knobs for the Chinese detector; the defaults are the shipped rules and the jieba segmenter. */
export interface ZhDetectorOptions {
  /** Word boundaries for mention matching; inject another segmenter to avoid jieba's native module. */
  segmenter?: Segmenter;
  /** Merchant- or category-specific complaints (Chinese), added to the built-in phrases. */
  extraPhrases?: readonly string[];
}

const roleOf = (input: DetectInput): LineRole => (input.type === 'transcript' ? 'talent' : 'viewer');

/** Builds a Chinese detector for one catalogue: names, aliases, their pinyin and the lexicon are compiled once. */
export function createZhDetector(catalog: Catalog, options: ZhDetectorOptions = {}): Detector {
  const mentionIndex = compileZhMentions(catalog);
  const terms = compileZhTerms(options.extraPhrases, mentionIndex.terms);
  const segmenter = options.segmenter ?? defaultSegmenter();

  function detect(input: DetectInput, context: DetectContext): Finding[] {
    const text = typeof input?.text === 'string' ? input.text : '';
    const onAir = context?.onAirProductId ?? null;
    // normalise → clauses → score → judge the line → find mentions → attribute → explain
    const norm = normalizeZh(text);
    // Score first: a line with no complaint evidence in any clause (most lines) stops here.
    const spans = clauseSpans(norm.text);
    const scores = spans.map(([start, end]) => scoreZhClause(terms, norm.text, start, end));
    if (!scores.some(hasComplaint)) return [];
    const markers = scanMarkers(norm.text);
    const clauses = splitZhClauses(norm.text, markers, spans);
    let found: ZhMentions | null = null;
    const mentions = (): ZhMentions => (found ??= findZhMentions(mentionIndex, norm.text, segmenter));
    const names = (i: number): boolean => mentions().mentions.some((m) => m.start >= clauses[i]!.start && m.start < clauses[i]!.end);
    const judged = judgeZhLine(norm.text, clauses, scores, roleOf(input), markers, names);
    if (!judged.some((j) => j.negative)) return [];
    const strongest = new Map<string, ZhAttribution>();
    for (const a of attributeZh(norm.text, judged, mentions(), onAir, markers)) {
      const held = strongest.get(a.productId);
      if (!held || outranks(judged[a.clauseIndex]!, judged[held.clauseIndex]!)) strongest.set(a.productId, a);
    }
    const source = { eventId: input.eventId, type: input.type, text };
    return [...strongest.values()].map((a) => buildZhFinding(source, norm, a, judged[a.clauseIndex]!, DETECTOR_VERSION));
  }

  return { version: DETECTOR_VERSION, detect };
}

// Any judge verdict of negative needs a phrase, sarcasm or a negative cue in the clause.
const hasComplaint = (score: ZhClauseScore): boolean => score.phrases.length > 0 || score.cues.some((c) => c.weight < 0);

// A phrase rule is the stronger evidence; between equals, the more negative clause explains the finding.
function outranks(a: ZhJudgedClause, b: ZhJudgedClause): boolean {
  const phraseA = a.score.phrases.length > 0;
  const phraseB = b.score.phrases.length > 0;
  if (phraseA !== phraseB) return phraseA;
  return a.score.total < b.score.total;
}
