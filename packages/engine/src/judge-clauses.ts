import type { Clause } from './split-clauses.ts';
import type { ClauseScore } from './score-clause.ts';

// Lexicon sums at or below which a clause without a phrase is negative. Hosts describe features in words AFINN
// scores mildly negative ("delayed release", "noise cancel", "slip them on"), and their findings rank high or
// critical, so one mild word is not enough from them.
const CHAT_THRESHOLD = -1;
const HOST_THRESHOLD = -2;

/** A clause as judged in the context of its line. */
export interface JudgedClause {
  clause: Clause;
  score: ClauseScore;
  negative: boolean;
}

/**
 * Decides which clauses of a line are negative once the line is read as a whole: questions ask rather than
 * complain, a rebuttal ("is it fake? it's not fake") cancels the phrase it denies, and a clause after "but"
 * that names nothing new and is not negative overrides the negative clause before it ("pricey but so worth it").
 */
export function judgeClauses(
  clauses: readonly Clause[],
  scores: readonly ClauseScore[],
  namesProduct: readonly boolean[],
  line: { isQuestion: boolean; type: 'transcript' | 'chat' },
): JudgedClause[] {
  const threshold = line.type === 'transcript' ? HOST_THRESHOLD : CHAT_THRESHOLD;
  const denied = new Set(scores.flatMap((s) => s.denied));
  const rescored = scores.map((score) => dropRebutted(score, denied));
  const lineHasPhrase = rescored.some((s) => s.phrases.length > 0);
  const judged = rescored.map((score, i): JudgedClause => {
    const clause = clauses[i]!;
    const hasPhrase = score.phrases.length > 0;
    const silenced = (line.isQuestion && !lineHasPhrase) || (clause.question && !hasPhrase);
    return { clause, score, negative: !silenced && (hasPhrase || score.total <= threshold) };
  });
  for (let i = 1; i < judged.length; i++) {
    const before = judged[i - 1]!;
    const after = judged[i]!;
    const overrides = after.clause.contrast && !namesProduct[i] && !after.negative && after.score.total >= 0;
    if (overrides && before.negative) before.negative = false;
  }
  return judged;
}

function dropRebutted(score: ClauseScore, denied: ReadonlySet<string>): ClauseScore {
  if (denied.size === 0 || score.phrases.length === 0) return score;
  const phrases = score.phrases.filter((p) => !denied.has(p.slug));
  if (phrases.length === score.phrases.length) return score;
  const rebuttedTexts = new Set(score.phrases.filter((p) => denied.has(p.slug)).map((p) => p.text));
  const cues = score.cues.filter((cue) => cue.source !== 'phrase' || !rebuttedTexts.has(cue.text));
  return { ...score, total: cues.reduce((sum, cue) => sum + cue.weight, 0), cues, phrases };
}
