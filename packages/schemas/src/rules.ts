import { z } from 'zod';
import { severity } from './findings.ts';

/**
 * What a merchant rule matches: whole words (`keyword`), a word sequence (`phrase`), an RE2 regular expression
 * (`regex`, linear-time: it cannot hang the worker), or the engine's own negativity score (`sentiment`).
 */
export const ruleKind = z.enum(['keyword', 'phrase', 'regex', 'sentiment']);
export type RuleKind = z.infer<typeof ruleKind>;

/** Whose words a rule reads: the host's speech (transcript), viewers' chat, or both. */
export const ruleScope = z.enum(['host', 'chat', 'both']);
export type RuleScope = z.infer<typeof ruleScope>;

/** Size limits of one rule, enforced by the schema (the per-contract count is `RULES_MAX_PER_CONTRACT`). */
export const ruleLimits = { name: 200, terms: 100, term: 200, pattern: 500 } as const;

const ruleFields = z.object({
  name: z.string().trim().min(1).max(ruleLimits.name),
  kind: ruleKind,
  /** keyword: single words; phrase: word sequences. Matched case-, accent- and punctuation-insensitively. */
  terms: z.array(z.string().trim().min(1).max(ruleLimits.term)).max(ruleLimits.terms).default([]),
  /** regex: an RE2 pattern, matched case-insensitively against the line as written. */
  pattern: z.string().min(1).max(ruleLimits.pattern).nullish(),
  /** sentiment: the least engine negativity score (0..1) that the rule accepts. */
  threshold: z.number().min(0).max(1).nullish(),
  severity,
  scope: ruleScope.default('both'),
  enabled: z.boolean().default(true),
});

type RuleFields = z.infer<typeof ruleFields>;

// Each kind needs its own field; the wrong one is refused rather than silently ignored.
function checkKind(rule: RuleFields, ctx: z.RefinementCtx): void {
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const wordy = rule.kind === 'keyword' || rule.kind === 'phrase';
  if (wordy && rule.terms.length === 0) problem('terms', `a ${rule.kind} rule needs at least one term`);
  if (rule.kind === 'keyword' && rule.terms.some((t) => /\s/.test(t))) {
    problem('terms', 'keyword terms are single words; use a phrase rule for word sequences');
  }
  if (!wordy && rule.terms.length > 0) problem('terms', `a ${rule.kind} rule takes no terms`);
  // Terms are matched word by word; one with no letter or digit ("!!!") would never match anything.
  if (rule.terms.some((t) => !/[\p{L}\p{N}]/u.test(t))) problem('terms', 'every term needs a letter or digit');
  if (rule.kind === 'regex' && !rule.pattern) problem('pattern', 'a regex rule needs a pattern');
  if (rule.kind !== 'regex' && rule.pattern) problem('pattern', `a ${rule.kind} rule takes no pattern`);
  if (rule.kind === 'sentiment' && (rule.threshold === undefined || rule.threshold === null)) {
    problem('threshold', 'a sentiment rule needs a threshold between 0 and 1');
  }
  if (rule.kind !== 'sentiment' && rule.threshold !== undefined && rule.threshold !== null) {
    problem('threshold', `a ${rule.kind} rule takes no threshold`);
  }
}

/** A rule as a merchant writes it (POST and PUT bodies). */
export const ruleBody = ruleFields.superRefine(checkKind);
export type RuleBody = z.input<typeof ruleBody>;

/** A rule as the engine reads it: the body plus a stable id that findings cite. */
export const detectionRule = ruleFields.extend({ id: z.string().min(1).max(100) }).superRefine(checkKind);
export type DetectionRule = z.infer<typeof detectionRule>;

/** A rules file for `anchorwatch detect --rules` (the same objects `GET /v1/contracts/:id/rules` returns). */
export const rulesFile = z.union([z.array(detectionRule), z.object({ rules: z.array(detectionRule) })]);

/** A stored rule of one contract. */
export const contractRule = ruleFields.extend({
  id: z.string().uuid(),
  contractId: z.string().uuid(),
  pattern: z.string().nullable(),
  threshold: z.number().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ContractRule = z.infer<typeof contractRule>;

export const contractRuleParams = z.object({ contractId: z.string().uuid() });
export const contractRuleIdParams = z.object({ contractId: z.string().uuid(), ruleId: z.string().uuid() });
