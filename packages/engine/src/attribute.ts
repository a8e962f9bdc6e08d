import type { Explanation } from '@anchorwatch/schemas';
import { findPointer, findSubjectlessOpener, type Pointer } from './deixis.ts';
import type { Mention } from './find-mentions.ts';
import type { JudgedClause } from './judge-clauses.ts';
import type { Token } from './tokenize.ts';

/** A negative clause pinned on one product, with the words that name or point at it. */
export interface Attribution {
  productId: string;
  clauseIndex: number;
  product: Explanation['product'];
}

/** A mention with an ambiguous alias settled: the on-air product if it is a candidate, else none. */
function resolve(mention: Mention, onAirProductId: string | null): string[] {
  if (mention.productIds.length === 1) return [...mention.productIds];
  return onAirProductId && mention.productIds.includes(onAirProductId) ? [onAirProductId] : [];
}

const named = (mention: Mention, productId: string, clauseIndex: number): Attribution => ({
  productId,
  clauseIndex,
  product: { via: mention.via, text: mention.text, start: mention.start, end: mention.end },
});

/**
 * Pins each negative clause on products: those it names; else the nearest product named elsewhere in the line
 * (before it, then after); else the on-air product when the clause points at it or has no subject.
 */
export function attribute(
  tokens: readonly Token[],
  judged: readonly JudgedClause[],
  mentions: readonly Mention[],
  onAirProductId: string | null,
): Attribution[] {
  const out: Attribution[] = [];
  const resolved = mentions
    .map((mention) => ({ mention, ids: resolve(mention, onAirProductId) }))
    .filter((r) => r.ids.length > 0);
  let linePointer: Pointer | null | undefined;
  judged.forEach(({ clause, negative }, clauseIndex) => {
    if (!negative) return;
    const inside = resolved.filter((r) => r.mention.tokenStart >= clause.tokenStart && r.mention.tokenStart < clause.tokenEnd);
    if (inside.length > 0) {
      for (const r of inside) for (const id of r.ids) out.push(named(r.mention, id, clauseIndex));
      return;
    }
    const before = resolved.filter((r) => r.mention.tokenEnd <= clause.tokenStart).at(-1);
    const fallback = before ?? resolved.find((r) => r.mention.tokenStart >= clause.tokenEnd);
    if (fallback) {
      for (const id of fallback.ids) out.push(named(fallback.mention, id, clauseIndex));
      return;
    }
    if (!onAirProductId) return;
    const pointer =
      findPointer(tokens, clause.tokenStart, clause.tokenEnd) ??
      (linePointer ??= findPointer(tokens, 0, tokens.length)) ??
      findSubjectlessOpener(tokens, clause.tokenStart, clause.tokenEnd);
    out.push({ productId: onAirProductId, clauseIndex, product: { via: "on_air", ...(pointer ?? { text: "", start: clause.start, end: clause.start }) } });
  });
  return out;
}
