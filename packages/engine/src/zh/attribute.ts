import { ZH_ELSEWHERE } from './lexicon.ts';
import { firstMarker, hasMarker, Marker, type MarkerHit } from './markers.ts';
import type { ZhMention, ZhMentions } from './find-mentions.ts';
import type { ZhJudgedClause } from './judge-line.ts';

/** A negative clause pinned on one product, with the words (normalised offsets) that name or point at it. */
export interface ZhAttribution {
  productId: string;
  clauseIndex: number;
  via: 'name' | 'alias' | 'on_air';
  start: number;
  end: number;
}

const COMPARATIVES = new Set(['zh-bu-ru', 'zh-hai-bu-ru', 'zh-cheaper-elsewhere']);

// A catalogue term right after "别家的", "之前用的" names someone else's product (别家的小黑管).
function isElsewhere(text: string, mention: ZhMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 6), mention.start);
  return ZH_ELSEWHERE.some((w) => before.includes(w));
}

// A brand followed by one of its products (沁颜那个面霜) names that product, not the whole brand.
function dropCovered(mentions: readonly ZhMention[]): ZhMention[] {
  return mentions.filter(
    (m) =>
      m.productIds.length < 2 ||
      !mentions.some((o) => o !== m && o.productIds.length < m.productIds.length && o.start >= m.end && o.start - m.end <= 4 && o.productIds.every((id) => m.productIds.includes(id))),
  );
}

function resolve(mention: ZhMention, onAir: string | null): readonly string[] {
  if (mention.productIds.length === 1) return mention.productIds;
  // A brand alone: the product of that brand on air; otherwise every product of the brand.
  return onAir && mention.productIds.includes(onAir) ? [onAir] : mention.productIds;
}

/**
 * Pins each negative clause on products: those it names; else, when it points (这个, 它) at nothing named, the
 * product on air; else the nearest product named in a clause of the line that is not praise; else the product
 * on air, unless the line is about something outside the catalogue (快递, 天气, 别家).
 */
export function attributeZh(
  text: string,
  judged: readonly ZhJudgedClause[],
  found: ZhMentions,
  onAir: string | null,
  markers: readonly MarkerHit[],
): ZhAttribution[] {
  const { mentions, traps } = found;
  const ours = dropCovered(mentions.filter((m) => !isElsewhere(text, m)));
  // A line naming only something that looks like a product (防晒衣, 平板支撑) is about that thing.
  const lineElsewhere = ours.length === 0 && (hasMarker(markers, Marker.elsewhere | Marker.offTopic) || traps.length > 0);
  const out: ZhAttribution[] = [];
  judged.forEach(({ clause, negative }, clauseIndex) => {
    if (!negative) return;
    const inside = ours.filter((m) => m.start >= clause.start && m.start < clause.end);
    if (inside.length > 0) {
      for (const m of inside) for (const productId of resolve(m, onAir)) out.push({ productId, clauseIndex, via: m.via, start: m.start, end: m.end });
      return;
    }
    // "还不如拼多多的": a comparison that favours another shop still blames the product on air.
    const compares = judged[clauseIndex]!.score.phrases.some((p) => COMPARATIVES.has(p.slug));
    if (mentions.some((m) => m.start >= clause.start && m.start < clause.end) || (lineElsewhere && !compares)) return;
    // A complaint running on from a clause that named its product (唇釉拔草 到手的颜色…) is about that product.
    const previous = judged[clauseIndex - 1];
    const runOn = previous?.negative ? ours.filter((m) => m.start >= previous.clause.start && m.start < previous.clause.end) : [];
    if (runOn.length > 0) {
      for (const m of runOn) for (const productId of resolve(m, onAir)) out.push({ productId, clauseIndex, via: m.via, start: m.start, end: m.end });
      return;
    }
    const pointer = firstMarker(markers, Marker.deictic, clause.start, clause.end);
    if (pointer && onAir) {
      out.push({ productId: onAir, clauseIndex, via: 'on_air', start: pointer.start, end: pointer.end });
      return;
    }
    const notPraise = (m: ZhMention): boolean => {
      const home = judged.find((j) => m.start >= j.clause.start && m.start < j.clause.end);
      return !home || home.score.total <= 0;
    };
    const before = ours.filter((m) => m.end <= clause.start && notPraise(m)).at(-1);
    const nearest = before ?? ours.find((m) => m.start >= clause.end && notPraise(m));
    if (nearest) {
      // Every product named in the nearest naming clause (沁颜的精华和面霜…都没啥效果).
      const home = judged.find((j) => nearest.start >= j.clause.start && nearest.start < j.clause.end)!.clause;
      for (const m of ours.filter((o) => o.start >= home.start && o.start < home.end && notPraise(o))) {
        for (const productId of resolve(m, onAir)) out.push({ productId, clauseIndex, via: m.via, start: m.start, end: m.end });
      }
      return;
    }
    if (ours.length > 0 || !onAir || (lineElsewhere && !compares)) return;
    const pointing = firstMarker(markers, Marker.deictic) ?? { start: clause.start, end: clause.start };
    out.push({ productId: onAir, clauseIndex, via: 'on_air', start: pointing.start, end: pointing.end });
  });
  return out;
}
