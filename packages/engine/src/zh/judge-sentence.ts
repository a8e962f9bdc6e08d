import { judgeZhLine } from './judge-line.ts';
import { scanMarkers } from './markers.ts';
import { normalizeZh } from './normalize.ts';
import { compileZhTerms, scoreZhClause, type ZhTerms } from './score-clause.ts';
import { splitZhClauses } from './split-clauses.ts';

let terms: ZhTerms | null = null;

/**
 * Whether a Chinese sentence reads negative by the live-commerce rules, with no product or attribution: a
 * viewer's line judged clause by clause. For sentence-level sets (reviews) in the evaluation.
 */
export function isNegativeZhSentence(text: string): boolean {
  terms ??= compileZhTerms();
  const norm = normalizeZh(text);
  const markers = scanMarkers(norm.text);
  const clauses = splitZhClauses(norm.text, markers);
  const scores = clauses.map((c) => scoreZhClause(terms!, norm.text, c.start, c.end));
  return judgeZhLine(norm.text, clauses, scores, 'viewer', markers).some((j) => j.negative);
}
