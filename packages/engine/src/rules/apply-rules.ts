import { severityRank, type Explanation, type Finding, type Severity } from '@anchorwatch/schemas';
import type { DetectContext, DetectInput } from '../types.ts';
import { inScope, type CompiledRules } from './compile-rules.ts';
import { matchRules, type RuleHit } from './match-rules.ts';

/** A product named in a line, as the engine's mention finder reports it. */
export interface NamedProduct {
  productIds: readonly string[];
  via: Explanation['product']['via'];
  text: string;
  start: number;
  end: number;
}

type RuleNote = NonNullable<Explanation['rules']>[number];

// A rule-only finding has no lexicon score; its score says how severe the merchant rated the rule.
const SEVERITY_SCORE: Record<Severity, number> = { low: 0.25, medium: 0.5, high: 0.75, critical: 1 };
const MAX_CLAUSE = 500;

const maxSeverity = (a: Severity, b: Severity): Severity => (severityRank[a] >= severityRank[b] ? a : b);
const hitNote = (h: RuleHit): RuleNote => ({ id: h.rule.id, name: h.rule.name, kind: h.rule.kind, severity: h.rule.severity, match: h.match });

/**
 * Applies a contract's rules to one line, given the engine's own findings for it:
 * - sentiment rules in scope decide which of those findings stand (score ≥ threshold) and at what severity;
 * - a keyword, phrase or regex match is pinned on the product named nearest to it (else the product on air):
 *   it annotates and may raise that product's finding, or becomes a finding of its own (`rule.<id>`).
 * With no rule in scope, the engine's findings come back unchanged.
 */
export function applyRules(
  compiled: CompiledRules,
  input: DetectInput,
  context: DetectContext,
  engineFindings: Finding[],
  namedIn: (text: string) => NamedProduct[],
  detectorVersion: string,
): Finding[] {
  const findings = gateBySentiment(compiled, input.type, engineFindings);
  const hits = matchRules(compiled, input.text, input.type);
  if (hits.length === 0) return findings;
  const named = namedIn(input.text);
  const byProduct = new Map<string, { hits: RuleHit[]; product: Explanation['product'] }>();
  for (const hit of hits) {
    const target = nearestProduct(named, hit.match.start, context.onAirProductId);
    if (!target) continue;
    const entry = byProduct.get(target.productId) ?? { hits: [], product: target.product };
    entry.hits.push(hit);
    byProduct.set(target.productId, entry);
  }
  const out = findings.map((f) => {
    const entry = byProduct.get(f.productId);
    if (!entry) return f;
    byProduct.delete(f.productId);
    const severity = entry.hits.reduce((s, h) => maxSeverity(s, h.rule.severity), f.severity);
    return { ...f, severity, explanation: { ...f.explanation, rules: [...(f.explanation.rules ?? []), ...entry.hits.map(hitNote)] } };
  });
  for (const [productId, { hits: productHits, product }] of byProduct) {
    // The most severe rule names the finding; the first such in rule order, so the alert key is stable.
    const lead = productHits.reduce((a, b) => (severityRank[b.rule.severity] > severityRank[a.rule.severity] ? b : a));
    out.push({
      eventId: input.eventId,
      productId,
      kind: input.type === 'transcript' ? 'host_negative' : 'chat_negative',
      rule: `rule.${lead.rule.id}`,
      severity: lead.rule.severity,
      score: SEVERITY_SCORE[lead.rule.severity],
      explanation: { clause: input.text.slice(0, MAX_CLAUSE), product, cues: [], negated: [], rules: productHits.map(hitNote) },
      detectorVersion,
    });
  }
  return out;
}

function gateBySentiment(compiled: CompiledRules, type: 'transcript' | 'chat', findings: Finding[]): Finding[] {
  if (compiled.sentiment.length === 0 || findings.length === 0) return findings;
  const rules = compiled.sentiment.map((i) => compiled.rules[i]!).filter((r) => inScope(r.scope, type));
  if (rules.length === 0 || findings.length === 0) return findings;
  const kept: Finding[] = [];
  for (const f of findings) {
    const met = rules.filter((r) => f.score >= (r.threshold ?? 0));
    if (met.length === 0) continue;
    const severity = met.map((r) => r.severity).reduce(maxSeverity);
    const notes: RuleNote[] = met.map((r) => ({
      id: r.id, name: r.name, kind: r.kind, severity: r.severity, match: null, threshold: r.threshold ?? 0,
    }));
    kept.push({ ...f, severity, explanation: { ...f.explanation, rules: [...(f.explanation.rules ?? []), ...notes] } });
  }
  return kept;
}

/** The product named closest to `at` (an ambiguous name settles on the product on air), else the product on air. */
function nearestProduct(
  named: readonly NamedProduct[],
  at: number,
  onAir: string | null,
): { productId: string; product: Explanation['product'] } | null {
  let best: { productId: string; product: Explanation['product']; distance: number } | null = null;
  for (const n of named) {
    const id = n.productIds.length === 1 ? n.productIds[0]! : onAir && n.productIds.includes(onAir) ? onAir : null;
    if (!id) continue;
    const distance = at >= n.end ? at - n.end : n.start - at;
    if (!best || distance < best.distance) {
      best = { productId: id, product: { via: n.via, text: n.text, start: n.start, end: n.end }, distance };
    }
  }
  if (best) return { productId: best.productId, product: best.product };
  return onAir ? { productId: onAir, product: { via: 'on_air', text: '', start: at, end: at } } : null;
}
