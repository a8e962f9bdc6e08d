import { finding as findingSchema, type DetectionRule } from '@anchorwatch/schemas';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../create-detector.ts';
import { compileRulePattern, MAX_REGEX_PROGRAM_SIZE, RulePatternError } from './compile-rules.ts';
import { DEFAULT_RULES } from './default-rules.ts';

const catalog = {
  products: [
    { id: 'serum', name: 'GlowLab Vitamin C Serum', brand: 'GlowLab', aliases: ['serum'] },
    { id: 'toner', name: 'GlowLab Rose Toner', brand: 'GlowLab', aliases: ['toner'] },
    { id: 'slides-a', name: 'Halyard Recovery Slides', aliases: ['slides'] },
    { id: 'slides-b', name: 'Cushion Pool Slides', aliases: ['slides'] },
  ],
};

const rule = (over: Partial<DetectionRule> & Pick<DetectionRule, 'id' | 'kind'>): DetectionRule => ({
  name: over.id, terms: [], severity: 'high', scope: 'both', enabled: true, ...over,
});

const rules: DetectionRule[] = [
  rule({ id: 'r-melt', kind: 'keyword', terms: ['melted', 'Crème'], severity: 'critical' }),
  rule({ id: 'r-competitor', kind: 'phrase', terms: ['buy it on shopmart'], severity: 'medium', scope: 'host' }),
  rule({ id: 'r-batch', kind: 'regex', pattern: String.raw`batch\s*#?\d{3,}`, severity: 'low', scope: 'chat' }),
];
// Merchant rules are tested on the lexicon rules alone (model: null), so what fires is the merchant's doing.
const detector = createDetector(catalog, { rules, model: null });
const plain = createDetector(catalog, { model: null });
const run = (d: typeof detector, type: 'chat' | 'transcript', text: string, onAir: string | null = null) =>
  d.detect({ eventId: 'e1', type, text, speaker: 'x' }, { onAirProductId: onAir });

describe('merchant rules', () => {
  it('turns a keyword match into a finding of its own, citing the rule, the span and the severity', () => {
    const [f, ...rest] = run(detector, 'chat', 'my toner MELTED in the van');
    expect(rest).toEqual([]);
    expect(findingSchema.parse(f)).toMatchObject({
      productId: 'toner',
      kind: 'chat_negative',
      rule: 'rule.r-melt',
      severity: 'critical',
      explanation: { product: { via: 'alias', text: 'toner' }, rules: [{ id: 'r-melt', kind: 'keyword', severity: 'critical', match: { text: 'MELTED', start: 9, end: 15 } }] },
    });
    expect(run(plain, 'chat', 'my toner MELTED in the van')).toEqual([]);
  });

  it('folds case and accents, matches whole words only, and honours scope', () => {
    expect(run(detector, 'chat', 'the toner smells like creme')[0]?.rule).toBe('rule.r-melt');
    expect(run(detector, 'chat', 'the toner is unmelted')).toEqual([]);
    expect(run(detector, 'transcript', 'honestly buy it on ShopMart, cheaper', 'serum')[0]).toMatchObject({
      productId: 'serum', kind: 'host_negative', rule: 'rule.r-competitor', explanation: { product: { via: 'on_air' } },
    });
    expect(run(detector, 'chat', 'buy it on shopmart', 'serum')).toEqual([]);
    expect(run(detector, 'chat', 'serum from batch #40213 smells off?')[0]?.explanation.rules?.[0]?.match?.text).toBe('batch #40213');
    expect(run(detector, 'transcript', 'serum from batch #40213', 'serum')).toEqual([]);
  });

  it('pins a match on the product named nearest to it, and on nothing when no product is named or on air', () => {
    expect(run(detector, 'chat', 'the serum is lovely but the toner melted').map((f) => f.productId)).toEqual(['toner']);
    expect(run(detector, 'chat', 'it melted')).toEqual([]);
    // An ambiguous alias settles on the product on air when it is one of the candidates.
    expect(run(detector, 'chat', 'the slides melted', 'slides-b').map((f) => f.productId)).toEqual(['slides-b']);
  });

  it('annotates and raises the engine finding for the same product instead of adding a second one', () => {
    const engine = run(plain, 'chat', 'the toner is a total scam, it melted');
    const ruled = run(detector, 'chat', 'the toner is a total scam, it melted');
    expect(engine).toHaveLength(1);
    expect(ruled).toHaveLength(1);
    expect(ruled[0]).toMatchObject({ rule: engine[0]!.rule, severity: 'critical', explanation: { rules: [{ id: 'r-melt' }] } });
  });

  it('lets sentiment rules gate and grade engine findings in their scope by threshold', () => {
    const strict = createDetector(catalog, {
      model: null,
      rules: [rule({ id: 'host-strict', kind: 'sentiment', threshold: 0.99, severity: 'critical', scope: 'host' })],
    });
    const text = 'the serum is terrible';
    const engine = run(plain, 'transcript', text);
    expect(engine).toHaveLength(1);
    expect(engine[0]!.score).toBeLessThan(0.99);
    expect(run(strict, 'transcript', text)).toEqual([]);
    expect(run(strict, 'chat', text)).toEqual(run(plain, 'chat', text));
    const loose = createDetector(catalog, {
      model: null,
      rules: [rule({ id: 'host-any', kind: 'sentiment', threshold: 0, severity: 'critical', scope: 'host' })],
    });
    expect(run(loose, 'transcript', text)[0]).toMatchObject({
      severity: 'critical', explanation: { rules: [{ id: 'host-any', kind: 'sentiment', match: null, threshold: 0 }] },
    });
  });

  it('ignores disabled rules, and with no rules gives exactly the engine findings', () => {
    const off = createDetector(catalog, { model: null, rules: [rule({ id: 'off', kind: 'keyword', terms: ['melted'], enabled: false })] });
    expect(run(off, 'chat', 'my toner melted')).toEqual([]);
    const none = createDetector(catalog, { rules: [], model: null });
    for (const text of ['the toner is a scam', 'serum is great', 'this is awful']) {
      expect(run(none, 'chat', text, 'serum')).toEqual(run(plain, 'chat', text, 'serum'));
    }
  });

  it('ships default rules for safety and legal red flags, in Chinese too', () => {
    const withDefaults = createDetector(catalog, { rules: DEFAULT_RULES });
    expect(run(withDefaults, 'chat', 'my toner literally caught fire lol')[0]?.rule).toBe('rule.default.safety-incident');
    expect(run(withDefaults, 'chat', '这个是三无产品', 'serum')[0]?.explanation.rules?.[0]?.match?.text).toBe('三无');
  });
});

describe('compileRulePattern', () => {
  it('refuses syntax RE2 lacks and patterns over the program size limit with a typed error', () => {
    expect(() => compileRulePattern('(?<=a)b')).toThrow(RulePatternError);
    expect(() => compileRulePattern('(unclosed')).toThrow(/not a valid RE2/);
    expect(() => compileRulePattern('[a-z]{600}[0-9]{600}')).toThrow(new RegExp(`over the limit of ${MAX_REGEX_PROGRAM_SIZE}`));
    try {
      compileRulePattern('(a');
    } catch (err) {
      expect((err as RulePatternError).code).toBe('invalid_rule_pattern');
    }
    expect(compileRulePattern('(a+)+$').matcher('aaaa').find()).toBe(true);
  });

  it('skips a stored regex that no longer compiles rather than failing the detector', () => {
    const d = createDetector(catalog, { rules: [rule({ id: 'bad', kind: 'regex', pattern: '(?<=x)y' }), rules[0]!] });
    expect(run(d, 'chat', 'toner melted')[0]?.rule).toBe('rule.r-melt');
  });

  it('applies to Chinese lines too, after they are routed to the Chinese rules', () => {
    const zhRules = createDetector(catalog, { rules: [rule({ id: 'r-zh', kind: 'keyword', terms: ['融化'], severity: 'critical' })] });
    const [f, ...rest] = run(zhRules, 'chat', '今天收到货发现都融化了', 'serum');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ productId: 'serum', rule: 'rule.r-zh', severity: 'critical' });
  });
});
