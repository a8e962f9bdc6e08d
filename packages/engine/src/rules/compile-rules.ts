import { AnchorwatchError, type DetectionRule, type RuleScope } from '@anchorwatch/schemas';
import { RE2JS } from 're2js';
import { foldWords } from './fold-words.ts';

/**
 * Most RE2 instructions one regex rule may compile to. Matching costs O(text length × instructions), so with the
 * text cap below this bounds the worst line at a few milliseconds per rule, whatever the pattern.
 */
export const MAX_REGEX_PROGRAM_SIZE = 1000;

/** Characters of a line that rules read (the engine's own cap; ingest refuses longer text anyway). */
export const RULE_TEXT_LIMIT = 20_000;

interface TermEntry {
  /** Folded words after the first. */
  rest: readonly string[];
  rule: number;
}

/** A contract's rules, compiled once per detector. */
export interface CompiledRules {
  rules: readonly DetectionRule[];
  /** keyword and phrase terms by their first folded word. */
  termsByFirstWord: ReadonlyMap<string, readonly TermEntry[]>;
  regexes: readonly { rule: number; regex: RE2JS }[];
  sentiment: readonly number[];
}

/** Thrown for a pattern RE2 cannot compile or one over `MAX_REGEX_PROGRAM_SIZE`. */
export class RulePatternError extends AnchorwatchError {
  constructor(message: string) {
    super('invalid_rule_pattern', message);
  }
}

// re2js does not export the program size; it sits on the compiled RE2 object.
function programSize(regex: RE2JS): number | null {
  const re2: unknown = Reflect.get(regex, 're2Input');
  const prog: unknown = re2 && typeof re2 === 'object' ? Reflect.get(re2, 'prog') : null;
  const inst: unknown = prog && typeof prog === 'object' ? Reflect.get(prog, 'inst') : null;
  return Array.isArray(inst) ? inst.length : null;
}

/** Compiles an RE2 pattern (case-insensitive), refusing syntax RE2 lacks and patterns too costly to run. */
export function compileRulePattern(pattern: string): RE2JS {
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (err) {
    throw new RulePatternError(`pattern is not a valid RE2 expression: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Where the size is unknown (a future re2js), the pattern-length limit of the schema still bounds it.
  const size = programSize(regex);
  if (size !== null && size > MAX_REGEX_PROGRAM_SIZE) {
    throw new RulePatternError(
      `pattern compiles to ${size} RE2 instructions, over the limit of ${MAX_REGEX_PROGRAM_SIZE}; simplify it (fewer or smaller repeats)`,
    );
  }
  return regex;
}

/** Whether a rule reads lines of this type. */
export const inScope = (scope: RuleScope, type: 'transcript' | 'chat'): boolean =>
  scope === 'both' || (scope === 'host' ? type === 'transcript' : type === 'chat');

/**
 * Compiles enabled rules for matching. A regex that does not compile is skipped rather than thrown, so one bad
 * stored rule never stops a worker (the API refuses such patterns before they are stored).
 */
export function compileRules(rules: readonly DetectionRule[]): CompiledRules {
  const enabled = rules.filter((r) => r.enabled);
  const termsByFirstWord = new Map<string, TermEntry[]>();
  const regexes: { rule: number; regex: RE2JS }[] = [];
  const sentiment: number[] = [];
  enabled.forEach((rule, index) => {
    if (rule.kind === 'sentiment') sentiment.push(index);
    else if (rule.kind === 'regex' && rule.pattern) {
      try {
        regexes.push({ rule: index, regex: compileRulePattern(rule.pattern) });
      } catch {
        // skipped: see above
      }
    } else {
      for (const term of rule.terms) {
        const keys = foldWords(term, RULE_TEXT_LIMIT).map((w) => w.key);
        if (keys.length === 0) continue;
        const list = termsByFirstWord.get(keys[0]!) ?? [];
        list.push({ rest: keys.slice(1), rule: index });
        termsByFirstWord.set(keys[0]!, list);
      }
    }
  });
  return { rules: enabled, termsByFirstWord, regexes, sentiment };
}
