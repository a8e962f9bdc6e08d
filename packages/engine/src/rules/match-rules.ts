import type { DetectionRule } from '@anchorwatch/schemas';
import { inScope, RULE_TEXT_LIMIT, type CompiledRules } from './compile-rules.ts';
import { foldWords } from './fold-words.ts';

/** A keyword, phrase or regex rule that matched a line, and the first span it matched. */
export interface RuleHit {
  rule: DetectionRule;
  match: { text: string; start: number; end: number };
}

/**
 * The keyword, phrase and regex rules in scope that match the line, first match of each, in rule order.
 * Costs O(words × terms sharing a first word) plus one linear-time RE2 scan per regex rule.
 */
export function matchRules(compiled: CompiledRules, text: string, type: 'transcript' | 'chat'): RuleHit[] {
  // Most lines match no rule: the map is made at the first hit.
  let found: Map<number, RuleHit['match']> | null = null;
  if (compiled.termsByFirstWord.size > 0) {
    const words = foldWords(text, RULE_TEXT_LIMIT);
    for (let i = 0; i < words.length; i++) {
      const entries = compiled.termsByFirstWord.get(words[i]!.key);
      if (!entries) continue;
      for (const { rest, rule } of entries) {
        if (found?.has(rule) || !inScope(compiled.rules[rule]!.scope, type)) continue;
        if (i + rest.length >= words.length) continue;
        let all = true;
        for (let j = 0; j < rest.length && all; j++) all = words[i + 1 + j]!.key === rest[j];
        if (!all) continue;
        const start = words[i]!.start;
        const end = words[i + rest.length]!.end;
        (found ??= new Map()).set(rule, { text: text.slice(start, end), start, end });
      }
    }
  }
  if (compiled.regexes.length > 0) {
    const source = text.length > RULE_TEXT_LIMIT ? text.slice(0, RULE_TEXT_LIMIT) : text;
    for (const { rule, regex } of compiled.regexes) {
      if (!inScope(compiled.rules[rule]!.scope, type)) continue;
      const matcher = regex.matcher(source);
      if (!matcher.find()) continue;
      const start = matcher.start();
      const end = matcher.end();
      (found ??= new Map()).set(rule, { text: source.slice(start, end), start, end });
    }
  }
  if (!found) return [];
  return [...found.entries()].sort(([a], [b]) => a - b).map(([rule, match]) => ({ rule: compiled.rules[rule]!, match }));
}
