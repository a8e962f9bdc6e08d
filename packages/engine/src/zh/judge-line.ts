import { hasMarker, Marker, type MarkerHit } from './markers.ts';
import type { ZhClauseScore } from './score-clause.ts';
import type { ZhClause } from './split-clauses.ts';

/** A clause as judged in the context of its whole line. */
export interface ZhJudgedClause {
  clause: ZhClause;
  score: ZhClauseScore;
  negative: boolean;
}

/** Who said the line: the merchant's own talent (host, cohost) or a viewer. */
export type LineRole = 'talent' | 'viewer';

// A viewer clause at or below this sum is negative without a phrase; the talent's lines need more, or an
// admission (说实话, 确实): hosts describe products in words that read negative out of context.
// The talent addressing viewers with a problem (闷痘的宝宝, 漏油的亲们) is answering it, not reporting it.
const ADDRESSING = /的(?:宝宝|家人|姐妹|亲们|亲|朋友|小伙伴)/;

const VIEWER_THRESHOLD = -2;
const TALENT_THRESHOLD = -4;
const TALENT_ADMITTED_THRESHOLD = -1;



/**
 * Decides which clauses of a normalised line are negative: questions ask, conditions and remedies (坏了包换)
 * suppose, a denial (不是的) rebuts the complaint it answers, a quoted complaint (说智商税的宝宝) is not the
 * speaker's, and a non-negative clause after a contrast word overrides the one before (贵是贵 但是真值).
 */
export function judgeZhLine(
  text: string,
  clauses: readonly ZhClause[],
  scores: readonly ZhClauseScore[],
  role: LineRole,
  markers: readonly MarkerHit[],
  namesProduct: (clauseIndex: number) => boolean = () => false,
): ZhJudgedClause[] {
  const admitted = role === 'talent' && hasMarker(markers, Marker.admission);
  const denialAt = clauses.findIndex((c) => hasMarker(markers, Marker.denial, c.start, c.end));
  // A line that asks (敏感肌能用吗 我一碰就泛红) describes the asker, unless some clause of it accuses.
  const asks = clauses.some((c) => c.question) && !clauses.some((c) => c.accusing);
  // The talent promising a remedy (拍照联系客服 我们补发) is answering a complaint, not making one.
  const remedy = role === 'talent' && !admitted && hasMarker(markers, Marker.condition);
  const judged = clauses.map((clause, i): ZhJudgedClause => {
    const score = scores[i]!;
    const body = text.slice(clause.start, clause.end);
    const strong = score.phrases.length > 0;
    let negative = strong || score.total <= VIEWER_THRESHOLD;
    if (role === 'talent') negative = admitted ? score.total <= TALENT_ADMITTED_THRESHOLD : score.total <= TALENT_THRESHOLD;
    // The talent naming a contracted product in the same breath as a live-commerce complaint (这个精华液别买,
    // 这款面霜是智商税) is the breach itself, however mild the rest of the line.
    if (role === 'talent' && strong && namesProduct(i)) negative = true;
    // In a line that asks, the asker describing themself (我嘴巴老起皮) is context for the question.
    const aboutAsker = asks && body.includes('我') && !namesProduct(i);
    if (clause.question || (asks && (!strong || aboutAsker)) || remedy) negative = false;
    if (hasMarker(markers, Marker.condition, clause.start, clause.end) && !clause.accusing && !admitted) negative = false;
    if (role === 'talent' && ADDRESSING.test(body)) negative = false;
    if (denialAt >= 0 && i <= denialAt && !admitted) negative = false;
    if (!admitted && quotesComplaint(markers, clause.start, clause.end, score)) negative = false;
    return { clause, score, negative };
  });
  for (let i = 1; i < judged.length; i++) {
    const after = judged[i]!;
    if (after.clause.contrast && !after.negative && after.score.total > 0 && !namesProduct(i)) {
      for (let k = i - 1; k >= 0 && k >= i - 2; k--) judged[k]!.negative = false;
    }
  }
  return judged;
}

// Someone answering a complaint they repeat ("说智商税的宝宝…", "有宝宝问…") is not making it.
function quotesComplaint(markers: readonly MarkerHit[], from: number, to: number, score: ZhClauseScore): boolean {
  const firstCue = score.cues.find((c) => c.weight < 0);
  return firstCue !== undefined && hasMarker(markers, Marker.reporting, from, Math.min(to, firstCue.start));
}
