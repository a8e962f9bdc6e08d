import { findDemonstrative } from './deixis.ts';
import { NEGATORS, WORD_VALENCE } from './lexicon.ts';
import {
  isConcession, isHostReassurance, isInquiry, opensAsQuestion, praisesByComparison, rebutsReport, speaksOfAvailability, speaksOfThePast,
  testifiesToBefore,
} from './line-cues.ts';
import type { Clause } from './split-clauses.ts';
import type { ClauseScore } from './score-clause.ts';
import type { Token } from './tokenize.ts';

// Lexicon sums at or below which a clause without a phrase is negative. Hosts describe features in words AFINN
// scores mildly negative ("delayed release", "noise cancel", "slip them on"), and their findings rank high or
// critical, so one mild word is not enough from them.
const CHAT_THRESHOLD = -1;
const HOST_THRESHOLD = -1.5;
// A host conceding a flaw ("to be fair it's a little stiff") needs only the chat threshold.
const CONCEDED_THRESHOLD = -1;

const HOST_SELLING = ['cheaper-elsewhere'];
// A question this negative exclaims rather than asks ("what the hell is wrong with it?!"); "is it bad?" still asks.
const EXCLAIMS = -4;

/** A clause as judged in the context of its line. */
export interface JudgedClause {
  clause: Clause;
  score: ClauseScore;
  negative: boolean;
  /**
   * Cleared for a reason, not for want of evidence: an inquiry, a rebuttal, an after-sales promise, a "but" that
   * takes it back, praise outweighing it. The line model does not overrule these.
   */
  settled?: boolean;
}

/**
 * Decides which clauses of a line are negative once the line is read as a whole: questions ask rather than
 * complain, a rebuttal ("is it fake? it's not fake") cancels the phrase it denies, and a clause after "but"
 * that names nothing new and is not negative overrides the negative clause before it ("pricey but so worth it").
 */
export function judgeClauses(
  tokens: readonly Token[],
  clauses: readonly Clause[],
  scores: readonly ClauseScore[],
  namesProduct: readonly boolean[],
  line: { type: 'transcript' | 'chat' },
  /** Per clause, the token after the first product it names, or -1. */
  namedEndsAt: readonly number[] = [],
): JudgedClause[] {
  const host = line.type === 'transcript';
  if (host && isHostReassurance(tokens)) return clauses.map((clause, i) => ({ clause, score: scores[i]!, negative: false, settled: true }));
  const conceding = host && isConcession(tokens);
  const threshold = !host || negativeOverall(scores) ? CHAT_THRESHOLD : conceding ? CONCEDED_THRESHOLD : HOST_THRESHOLD;
  const denied = new Set(scores.flatMap((s) => s.denied));
  // A host comparing prices ("half the price of the big brands") is selling, not complaining.
  if (host) for (const slug of HOST_SELLING) denied.add(slug);
  const rescored = scores.map((score) => dropRebutted(score, denied));
  const judged = rescored.map((score, i): JudgedClause => {
    const clause = clauses[i]!;
    const missing = score.phrases.some((p) => p.slug === 'missing-info');
    const asks = !missing && (
      (clause.question && score.total > EXCLAIMS && isInquiry(tokens, clause.tokenStart, clause.tokenEnd)) ||
      (!host && i === 0 && opensAsQuestion(tokens, clause.tokenStart, clause.tokenEnd)));
    // Conceding hosts hedge: "it isn't insulated", "a little narrow", "kind of catches" is the admitted flaw.
    const hedged = conceding && score.total <= 0 && hedgesAFlaw(tokens, clause);
    // A product-complaint word ("slow", "flimsy") is a complaint from anyone; host speech needs more only from
    // general words, which hosts use about everything.
    // So is a general word said right after the product the clause names ("the menu is very limited"), or dismay
    // ("ugh", ":("): that is a
    // verdict on the product, not a host's feature talk.
    const complains = host && score.total <= CHAT_THRESHOLD &&
      (score.complaints > 0 || judgesNamed(tokens, clause, score, namedEndsAt[i] ?? -1) || exclaimsDismay(tokens, clause));
    const evidence = score.phrases.length > 0 || score.total <= threshold || hedged || complains;
    // "drugstore serums are garbage compared to this": the bad words are the other side's; "ugh sold out again":
    // they are about stock; "my skin was a disaster before this": about the speaker's past, even when they are a
    // complaint's ("my skin broke out all the time before this").
    const { tokenStart: from, tokenEnd: to } = clause;
    const aboutElse = score.total < 0 && (testifiesToBefore(tokens, from, to) ||
      (score.phrases.length === 0 && (praisesByComparison(tokens, from, to) || speaksOfAvailability(tokens, from, to))));
    return { clause, score, negative: !asks && !aboutElse && evidence, settled: asks || aboutElse || rescored[i] !== scores[i] || score.denied.length > 0 };
  });
  // After an inquiry, the rest of the line gives its reason ("does it come with a manual? I'm not good with
  // gadgets"): only a complaint phrase makes it negative.
  const firstAsks = judged.length > 0 && judged[0]!.clause.question && isInquiry(tokens, judged[0]!.clause.tokenStart, judged[0]!.clause.tokenEnd);
  if (firstAsks) for (const j of judged.slice(1)) if (j.score.phrases.length === 0 && speaksOfSelf(tokens, j.clause)) settle(j);
  // "people say it's fake — it isn't": a complaint reported to be denied by the bare denial after it.
  for (let i = 0; i + 1 < judged.length; i++) {
    if (judged[i]!.negative && rebutsReport(tokens, judged[i]!.clause, judged[i + 1]!.clause)) {
      settle(judged[i]!);
      judged[i + 1]!.settled = true;
    }
  }
  for (let i = 1; i < judged.length; i++) {
    const before = judged[i - 1]!;
    const after = judged[i]!;
    const afterNames = namesProduct[i] || findDemonstrative(tokens, after.clause.tokenStart, after.clause.tokenEnd) !== null;
    const overrides = after.clause.contrast && (!afterNames || !namesProduct[i - 1]) && !after.negative && after.score.total >= 0;
    // Both are settled: the line's verdict is the clause after "but", and the rules have read it.
    if (overrides) {
      settle(before);
      after.settled = true;
    }
  }
  // Praise that happens to hold a negative word ("my dog stole it, that's how good it is"): when the line names
  // at most one subject and has no contrast, its sum decides.
  const contrasted = judged.some((j) => j.clause.contrast);
  const subjects = namesProduct.filter(Boolean).length;
  // A question asserts nothing, and past praise is a decline: neither's praise ("third time's the charm? mine still
  // clogs", "it used to be great, now it's sticky") outweighs a complaint.
  let lineTotal = 0;
  for (let i = 0; i < rescored.length; i++) if (asserts(tokens, clauses[i]!, rescored[i]!)) lineTotal += rescored[i]!.total;
  if (!contrasted && subjects <= 1 && lineTotal > 0) {
    for (const j of judged) if (j.negative && j.score.phrases.length === 0) settle(j);
  }
  return judged;
}

function settle(judged: JudgedClause): void {
  judged.negative = false;
  judged.settled = true;
}

/**
 * A line that is negative as a whole, not one mild word amid feature talk: every cue in it is negative, and there
 * are several or one is said of a subject ("I was mortified", "service was a little slow"). Host feature talk
 * holds one mild word used in passing ("delayed release", "slip them on").
 */
function negativeOverall(scores: readonly ClauseScore[]): boolean {
  let cues = 0;
  for (const score of scores) for (const cue of score.cues) if (cue.weight >= 0) return false; else cues++;
  return cues >= 2 || (cues > 0 && scores.some((s) => s.predicated > 0));
}

// How many words after a product's name a negative word is still said of it ("the juicer is way too loud").
const VERDICT_REACH = 4;

/** True when a negative lexicon word comes within a few words after the product the clause names. */
function judgesNamed(tokens: readonly Token[], clause: Clause, score: ClauseScore, namedEnd: number): boolean {
  if (namedEnd < 0) return false;
  for (const cue of score.cues) {
    if (cue.weight >= 0 || cue.source !== 'lexicon') continue;
    const first = cue.text.split(' ')[0]!.toLowerCase();
    const reach = Math.min(clause.tokenEnd, namedEnd + VERDICT_REACH);
    for (let i = namedEnd; i < reach; i++) if (tokens[i]!.lower === first) return true;
  }
  return false;
}

// Interjections of dismay: a speaker's own reaction, never a feature's name ("ugh", "smh").
const DISMAY = new Set(['ugh', 'argh', 'damn', 'dammit', 'smh', 'meh', 'ew', 'eww', 'yikes', 'ouch', 'sigh', 'wtf', 'fml', 'ffs', 'boo', 'jeez', 'geez']);

/** True when the clause holds a negative emoticon or emoji, or an interjection of dismay. */
function exclaimsDismay(tokens: readonly Token[], clause: Clause): boolean {
  for (let i = clause.tokenStart; i < clause.tokenEnd; i++) {
    const t = tokens[i]!;
    if (t.kind === 'emoji' ? (WORD_VALENCE.get(t.lower) ?? 0) < 0 : t.kind === 'word' && DISMAY.has(t.norm)) return true;
  }
  return false;
}

function dropRebutted(score: ClauseScore, denied: ReadonlySet<string>): ClauseScore {
  if (denied.size === 0 || score.phrases.length === 0) return score;
  const phrases = score.phrases.filter((p) => !denied.has(p.slug));
  if (phrases.length === score.phrases.length) return score;
  const rebuttedTexts = new Set(score.phrases.filter((p) => denied.has(p.slug)).map((p) => p.text));
  const cues = score.cues.filter((cue) => cue.source !== 'phrase' || !rebuttedTexts.has(cue.text));
  return { ...score, total: cues.reduce((sum, cue) => sum + cue.weight, 0), cues, phrases };
}

const SELF = new Set(['i', 'im', 'ive', 'id', 'my', 'me', 'we', 'were', 'our']);

// A clause about the speaker ("I'm not good with gadgets", "my son is allergic") rather than a product.
function speaksOfSelf(tokens: readonly Token[], clause: Clause): boolean {
  const first = tokens.slice(clause.tokenStart, clause.tokenEnd).find((t) => t.kind === 'word');
  return first !== undefined && SELF.has(first.norm) && findDemonstrative(tokens, clause.tokenStart, clause.tokenEnd) === null;
}

const HEDGES = new Set(['little', 'bit', 'kinda', 'kind', 'sort', 'slightly', 'somewhat', 'really']);

// A negated description or a hedged adjective in a conceding host's clause.
function hedgesAFlaw(tokens: readonly Token[], clause: Clause): boolean {
  for (let i = clause.tokenStart; i < clause.tokenEnd; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    if (NEGATORS.has(token.norm) || HEDGES.has(token.norm)) return true;
  }
  return false;
}

/** False for praise a clause does not assert: a question's, or praise of the past. */
function asserts(tokens: readonly Token[], clause: Clause, score: ClauseScore): boolean {
  return !(score.total > 0 && (clause.question || speaksOfThePast(tokens, clause.tokenStart, clause.tokenEnd)));
}
