import type { Explanation } from '@anchorwatch/schemas';
import { findDemonstrative, findPointer, type Pointer } from './deixis.ts';
import type { Mention } from './find-mentions.ts';
import type { JudgedClause } from './judge-clauses.ts';
import { isRivalModifier, speaksOfOtherProduct } from './other-products.ts';
import type { Token } from './tokenize.ts';

/** A negative clause pinned on one product, with the words that name or point at it. */
export interface Attribution {
  productId: string;
  clauseIndex: number;
  product: Explanation['product'];
}

interface ResolvedMention {
  mention: Mention;
  ids: readonly string[];
}

// An alias shared by up to this many products, unsettled by what is on air, is reported for each of them; words
// naming more (a brand alone, across its range) name the maker rather than a product, and are reported for none.
export const AMBIGUOUS_REPORT_LIMIT = 3;

/**
 * A mention with an ambiguous alias settled: the on-air product if it is a candidate; else, for an alias a few
 * products share, all of them (reported as ambiguous); else none.
 */
function resolve(mention: Mention, onAirProductId: string | null): readonly string[] {
  if (mention.productIds.length === 1) return mention.productIds;
  if (onAirProductId && mention.productIds.includes(onAirProductId)) return [onAirProductId];
  return mention.productIds.length <= AMBIGUOUS_REPORT_LIMIT ? mention.productIds : [];
}

const named = ({ mention, ids }: ResolvedMention, clauseIndex: number): Attribution[] =>
  ids.map((productId) => ({
    productId,
    clauseIndex,
    product: ids.length > 1
      ? { via: mention.via, text: mention.text, start: mention.start, end: mention.end, ambiguousWith: ids.filter((id) => id !== productId) }
      : { via: mention.via, text: mention.text, start: mention.start, end: mention.end },
  }));

/**
 * Pins each negative clause on products: those it names; else the nearest product named elsewhere in the line
 * (before it, then after); else the product on air, since a complaint that names nothing ("smells like hot dog
 * water", "mine broke") is about what is being shown. A deictic word, when there is one, is cited as the pointer.
 */
export function attribute(
  tokens: readonly Token[],
  judged: readonly JudgedClause[],
  mentions: readonly Mention[],
  onAirProductId: string | null,
  catalogueKeys: ReadonlySet<string>,
  /** The line the tokens came from. */
  text: string,
): Attribution[] {
  const out: Attribution[] = [];
  // A catalogue word owned by another brand ("audiora buds") names another product: that clause is about it.
  const rivals = mentions.filter((m) => isRivalModifier(tokens, m, catalogueKeys));
  mentions = mentions.filter((m) => !rivals.includes(m));
  // Unresolved (ambiguous) mentions stay in the list: a clause that names a catalogue product, even
  // ambiguously, is not about whatever happens to be on air.
  const resolved = mentions.map((mention): ResolvedMention => ({ mention, ids: resolve(mention, onAirProductId) }));
  let linePointer: Pointer | null | undefined;
  // A clause that names nothing continues the clause before it ("My Brantwood boots split, terrible").
  let previousAboutOther = false;
  judged.forEach(({ clause, negative, score }, clauseIndex) => {
    const namesHere = resolved.some((r) => r.mention.tokenStart >= clause.tokenStart && r.mention.tokenStart < clause.tokenEnd);
    const pointsHere = findDemonstrative(tokens, clause.tokenStart, clause.tokenEnd) !== null;
    const otherHere = rivals.some((m) => m.tokenStart >= clause.tokenStart && m.tokenStart < clause.tokenEnd) ||
      speaksOfOtherProduct(tokens, clause.tokenStart, clause.tokenEnd, catalogueKeys, text);
    const continuesOther = previousAboutOther && !namesHere && !pointsHere;
    previousAboutOther = otherHere || continuesOther;
    if (!negative) return;
    // "HydraPeak tastes better than these" names a rival to criticise the product, not to talk about the rival.
    const comparesAgainst = score.phrases.some((p) => p.slug === 'rival-better' || p.slug === 'cheaper-elsewhere');
    const inside = resolved.filter((r) => r.mention.tokenStart >= clause.tokenStart && r.mention.tokenStart < clause.tokenEnd);
    const before = resolved.filter((r) => r.mention.tokenEnd <= clause.tokenStart).at(-1);
    const elsewhere = before ?? resolved.find((r) => r.mention.tokenStart >= clause.tokenEnd);
    if (inside.length === 0 && !comparesAgainst && (otherHere || continuesOther)) return;
    // "this bag looks cheap" points at what is on air even when another clause named something else.
    const demonstrative = onAirProductId !== null && findDemonstrative(tokens, clause.tokenStart, clause.tokenEnd) !== null;
    if (inside.length > 0) {
      for (const r of inside) out.push(...named(r, clauseIndex));
    } else if (elsewhere && !demonstrative) {
      out.push(...named(elsewhere, clauseIndex));
    } else if (onAirProductId) {
      if (linePointer === undefined) linePointer = findPointer(tokens, 0, tokens.length);
      const pointer = findPointer(tokens, clause.tokenStart, clause.tokenEnd) ?? linePointer;
      const product = { via: 'on_air' as const, ...(pointer ?? { text: '', start: clause.start, end: clause.start }) };
      out.push({ productId: onAirProductId, clauseIndex, product });
    }
  });
  return out;
}
