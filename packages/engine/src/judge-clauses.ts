import type { Clause } from './split-clauses.ts';
import type { ClauseScore } from './score-clause.ts';

/** A clause as judged in the context of its line. */
export interface JudgedClause {
  clause: Clause;
  score: ClauseScore;
  negative: boolean;
}

/**
 * Decides which clauses of a line are negative once the line is read as a whole: questions ask rather than
 * complain, a rebuttal ("is it fake? it's not fake") cancels the complaint it quotes, and a positive clause
 * after "but" that names nothing new overrides the negative clause before it ("pricey but so worth it").
 */
export function judgeClauses(
  clauses: readonly Clause[],
  scores: readonly ClauseScore[],
  namesProduct: readonly boolean[],
  lineIsQuestion: boolean,
): JudgedClause[] {
  const denied = new Set(scores.flatMap((s) => s.negated.map((word) => word.toLowerCase())));
  const rescored = scores.map((score) => dropRebutted(score, denied));
  const lineHasPhrase = rescored.some((s) => s.phrases.length > 0);
  const judged = rescored.map((score, i): JudgedClause => {
    const clause = clauses[i]!;
    const hasPhrase = score.phrases.length > 0;
    const silenced = (lineIsQuestion && !lineHasPhrase) || (clause.question && !hasPhrase);
    return { clause, score, negative: !silenced && (hasPhrase || score.total < 0) };
  });
  for (let i = 1; i < judged.length; i++) {
    const before = judged[i - 1]!;
    const after = judged[i]!;
    const overrides = after.clause.contrast && !namesProduct[i] && !after.negative && after.score.total > 0;
    if (overrides && before.negative && before.score.phrases.length === 0) before.negative = false;
  }
  return judged;
}

function dropRebutted(score: ClauseScore, denied: ReadonlySet<string>): ClauseScore {
  if (denied.size === 0 || score.phrases.length === 0) return score;
  const rebutted = (text: string): boolean => denied.has(text.toLowerCase());
  const cues = score.cues.filter((cue) => cue.source !== 'phrase' || !rebutted(cue.text));
  return {
    total: cues.reduce((sum, cue) => sum + cue.weight, 0),
    cues,
    negated: score.negated,
    phrases: score.phrases.filter((p) => !rebutted(p.text)),
  };
}
