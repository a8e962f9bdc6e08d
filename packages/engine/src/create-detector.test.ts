import { finding as findingSchema } from '@anchorwatch/schemas';
import { describe, expect, it } from 'vitest';
import { createDetector } from './create-detector.ts';
import type { DetectInput } from './types.ts';
import { DETECTOR_VERSION } from './version.ts';
import { SHIPPED_MODEL } from './model/shipped-model.ts';

const catalog = {
  products: [
    { id: 'serum', name: 'GlowLab Vitamin C Serum', brand: 'GlowLab', aliases: ['serum', 'GlowLab serum', 'vitamin c serum'] },
    { id: 'toner', name: 'GlowLab Rose Toner', brand: 'GlowLab', aliases: ['toner', 'rose toner'] },
    { id: 'bank', name: 'VoltCore MagSnap Power Bank', brand: 'VoltCore', aliases: ['power bank', 'magsnap'] },
    { id: 'slides-a', name: 'Halyard Recovery Slides', aliases: ['slides'] },
    { id: 'slides-b', name: 'Cushion Pool Slides', aliases: ['slides'] },
  ],
};
const detector = createDetector(catalog);
const chat = (text: string, onAir: string | null = null) =>
  detector.detect({ eventId: 'c1', type: 'chat', text, speaker: 'viewer' }, { onAirProductId: onAir });
const host = (text: string, onAir: string | null = null) =>
  detector.detect({ eventId: 't1', type: 'transcript', text, speaker: 'host' }, { onAirProductId: onAir });
// A host line in a settled host voice (twenty lines of host speech before it), as the worker reads a session's.
const hostInVoice = (text: string, onAir: string | null = null) =>
  detector.detect({ eventId: 't1', type: 'transcript', text, speaker: 'host' }, { onAirProductId: onAir, voice: { 'host speech': 20 } });
const products = (findings: ReturnType<typeof chat>) => findings.map((f) => f.productId);

describe('createDetector: host lines negative overall', () => {
  it('takes a mild word from a host when the whole line is negative and says it of a subject', () => {
    expect(products(host('the waitress was a little rude', 'serum'))).toEqual(['serum']);
    expect(products(host('ugh, I feel awkward and tired', 'serum'))).toEqual(['serum']);
  });

  it('takes a mild word a host says right after the product named, not one far from it', () => {
    expect(products(host('the serum is fine, the power bank is hard to grip', 'serum'))).toEqual(['bank']);
    expect(host('the serum is fine, the power bank comes in three colours and fits in a hard case', 'serum')).toEqual([]);
  });

  it('takes dismay from a host ("ugh", ":(") as a complaint, not feature talk', () => {
    expect(host('it is still charging', 'bank')).toEqual([]);
    expect(products(host('it is still not charging, ugh', 'bank'))).toEqual(['bank']);
    expect(products(host('it keeps losing charge :(', 'bank'))).toEqual(['bank']);
  });

  it('reads "don\'t waste your money" and "was a joke" as complaints despite the negator and the positive "joke"', () => {
    expect(products(host("don't waste your money on this one", 'bank'))).toEqual(['bank']);
    expect(products(host("honestly i wouldn't waste your money on this one", 'bank'))).toEqual(['bank']);
    expect(products(host("i'd skip this one", 'bank'))).toEqual(['bank']);
    expect(host("don't skip it, it's the best part", 'bank')).toEqual([]);
    expect(products(chat('honestly that battery life was a joke', 'bank'))).toEqual(['bank']);
  });

  it('reads a strongly negative question as an exclamation, a mildly negative one as an inquiry', () => {
    expect(products(chat('what the hell is wrong with this thing?!', 'serum'))).toEqual(['serum']);
    expect(chat('is it bad for oily skin?', 'serum')).toEqual([]);
  });

  it('keeps one mild word in host feature talk below the host threshold', () => {
    expect(host('the laces stretch so you can just slip them on without untying', 'serum')).toEqual([]);
    expect(host('the rude one is great though', 'serum')).toEqual([]);
  });
});

describe('createDetector: mentions and attribution', () => {
  it('flags only the product a negative clause names', () => {
    expect(products(chat('the serum is great but the toner is awful'))).toEqual(['toner']);
    expect(products(chat('the toner is awful but the serum is great'))).toEqual(['toner']);
  });

  it('gives a deictic line to the product on air, and nothing when none is', () => {
    const [f] = chat('mine stopped working after a week', 'bank');
    expect(f).toMatchObject({ productId: 'bank', explanation: { product: { via: 'on_air', text: 'mine', start: 0, end: 4 } } });
    expect(chat('mine stopped working after a week', null)).toEqual([]);
  });

  it('prefers a named product over the one on air', () => {
    expect(products(chat('the toner is awful', 'serum'))).toEqual(['toner']);
  });

  it('falls back to a product named elsewhere in the line for an unnamed negative clause', () => {
    const [f] = chat('love the magsnap, but it broke in a week', 'serum');
    expect(f).toMatchObject({ productId: 'bank', rule: 'phrase.broke', explanation: { clause: 'but it broke in a week' } });
  });

  it('settles an alias shared by two products when one of them is on air, else reports it for both as ambiguous', () => {
    const [settled, ...none] = chat('the slides are awful', 'slides-b');
    expect(settled).toMatchObject({ productId: 'slides-b', explanation: { product: { text: 'slides', via: 'alias' } } });
    expect(settled!.explanation.product.ambiguousWith).toBeUndefined();
    expect(none).toEqual([]);
    const reported = chat('the slides are awful', 'serum');
    expect(reported.map((f) => [f.productId, f.explanation.product.ambiguousWith])).toEqual([
      ['slides-a', ['slides-b']],
      ['slides-b', ['slides-a']],
    ]);
    for (const f of reported) findingSchema.parse(f);
  });

  it('reports nothing for a brand named alone across more products than an alias could share', () => {
    const range = createDetector({
      products: ['Serum', 'Toner', 'Cleanser', 'Mask'].map((type) => ({ id: type.toLowerCase(), name: `Lumora ${type}`, brand: 'Lumora', aliases: [] })),
    });
    expect(range.detect({ eventId: 'c1', type: 'chat', text: 'lumora is a scam' }, { onAirProductId: null })).toEqual([]);
    expect(range.detect({ eventId: 'c1', type: 'chat', text: 'lumora is a scam' }, { onAirProductId: 'mask' })).toMatchObject([{ productId: 'mask' }]);
  });

  it('explains with spans into the original text', () => {
    const text = 'ok so GlowLab’s serum is AWFUL';
    const [f] = chat(text);
    const { product, clause, cues } = f!.explanation;
    expect(text.slice(product.start, product.end)).toBe(product.text);
    expect(product).toMatchObject({ via: 'alias', text: 'GlowLab’s serum' });
    expect(clause).toBe(text);
    // Capitals amid lower case stress the word, as in VADER: AFINN's -3 × 1.3.
    expect(cues).toEqual([{ text: 'AWFUL', weight: -3.9, source: 'lexicon' }]);
  });
});

describe('createDetector: polarity', () => {
  it('handles negation: "not bad" is not negative, "not good" is', () => {
    expect(chat('the serum is not bad')).toEqual([]);
    expect(products(chat('the serum is not good'))).toEqual(['serum']);
    expect(chat("the toner doesn't disappoint")).toEqual([]);
  });

  it('does not count a negated complaint phrase, or one the line rebuts', () => {
    expect(chat('the serum is not fake')).toEqual([]);
    expect(host('they say the serum is fake. it is not fake')).toEqual([]);
    expect(host('they say the serum is fake')).toHaveLength(1);
    expect(chat('zero complaints about the toner')).toEqual([]);
    // The issue's own example: a report denied by a bare "it isn't", from a host or a viewer.
    expect(hostInVoice("people say it's fake — it isn't", 'serum')).toEqual([]);
    expect(chat("people say the serum is a scam, nope, it's not")).toEqual([]);
    // A report agreed with, or followed by a complaint of one's own, still counts.
    expect(products(chat("people say the serum is fake and honestly i agree"))).toEqual(['serum']);
    expect(products(chat('my friend said the serum broke, it does not work at all'))).toEqual(['serum']);
  });

  it('does not call an inquiry negative, but reads a complaint in question form as a complaint', () => {
    expect(chat('is the toner bad for sensitive skin?')).toEqual([]);
    expect(chat('does it sting? 😬', 'serum')).toEqual([]);
    expect(chat('is this serum a scam?')).toEqual([]);
    expect(chat('the toner is awful, right?')).toHaveLength(1);
    expect(chat('is this serum even legit?? total scam')).toMatchObject([{ productId: 'serum', rule: 'phrase.scam' }]);
    expect(chat('is that even safe??', 'serum')).toEqual([]);
    expect(chat('mine leaked everywhere, is that even normal??', 'serum')).toHaveLength(1);
    // A chat line may ask without a question mark; an auxiliary and a negator open a statement.
    expect(chat('would it suit oily skin', 'serum')).toEqual([]);
    expect(chat('would not recommend the serum')).toMatchObject([{ productId: 'serum' }]);
    // "did you know…" announces a claim and "how bad…" exclaims; "do you know if…" and "how long…" still ask.
    expect(products(chat('did you know this serum is the worst one they make?'))).toEqual(['serum']);
    expect(chat('do you know if the serum is bad for sensitive skin?')).toEqual([]);
    expect(products(chat('how annoying is it that the cap leaks', 'serum'))).toEqual(['serum']);
    expect(chat('how long does the serum last?')).toEqual([]);
  });

  it('gives the bad words of a comparison to the other side, and keeps them when the product is the subject', () => {
    expect(chat('drugstore serums are garbage compared to this', 'serum')).toEqual([]);
    expect(chat('everything else is trash next to these', 'serum')).toEqual([]);
    expect(chat("it's awful compared to mine", 'serum')).toHaveLength(1);
  });

  it('hears frustration with stock as no complaint about the product, and a complaint beside it as one', () => {
    expect(chat('ugh why is everything sold out', 'serum')).toEqual([]);
    expect(chat('hate that i missed the sale', 'serum')).toEqual([]);
    expect(chat("it broke and now it's sold out so i can't replace it", 'serum')).toHaveLength(1);
  });

  it("reads a speaker's past before the product as a testimonial, and past praise as a decline", () => {
    expect(host('my skin was a disaster before this', 'serum')).toEqual([]);
    expect(chat('i was skeptical at first', 'serum')).toEqual([]);
    expect(chat("it used to be great, now it's sticky", 'serum')).toHaveLength(1);
    expect(chat('i used to love it but now it breaks me out', 'serum')).toHaveLength(1);
  });

  it('lets a non-negative clause after "but" override the negative clause before it', () => {
    expect(chat('the serum smelled weird at first but now i love it')).toEqual([]);
    expect(products(chat('the serum smelled weird at first and i hate it'))).toEqual(['serum']);
  });

  it('hears the common complaints with the adverb people stress them with', () => {
    for (const line of ["the pump doesn't even work", 'it did absolutely nothing for my dark spots', 'zero results after a month', 'looks so cheap tbh']) {
      expect(products(chat(line, 'serum')), line).toEqual(['serum']);
    }
    expect(products(chat('feels plasticky', 'serum'))).toEqual(['serum']);
    // "not worth it" is the not-worth rule, as "not worth" is.
    expect(chat('honestly not worth it', 'serum').map((f) => f.rule)).toEqual(['phrase.not-worth']);
  });

  it('knows complaint words the general lexicons lack', () => {
    // Neither AFINN nor VADER rates "godawful" (they have "awful"); "sux" is VADER's.
    expect(products(chat('the toner smell is godawful'))).toEqual(['toner']);
    expect(products(chat('this serum sux'))).toEqual(['serum']);
  });

  it('reads nothing into neutral or positive lines', () => {
    expect(chat('first up the glowlab serum, thirty mils', 'serum')).toEqual([]);
    expect(chat('omg the serum is the best thing i bought 😍', 'serum')).toEqual([]);
  });
});

describe('createDetector: rules, severity and score', () => {
  it('ranks by speaker and by whether a live-commerce phrase fired', () => {
    expect(host("honestly don't buy the toner")[0]).toMatchObject({ kind: 'host_negative', rule: 'phrase.dont-buy', severity: 'critical' });
    expect(host('the toner is terrible on me')[0]).toMatchObject({ kind: 'host_negative', rule: 'sentiment.negative', severity: 'high' });
    expect(chat('the toner is a rip-off')[0]).toMatchObject({ kind: 'chat_negative', rule: 'phrase.rip-off', severity: 'medium' });
    expect(chat('the toner is terrible')[0]).toMatchObject({ kind: 'chat_negative', rule: 'sentiment.negative', severity: 'low' });
  });

  it('flags each listed live-commerce phrase', () => {
    for (const [text, rule] of [
      ['the serum gave me a rash', 'phrase.rash'],
      ['waste of money, the serum', 'phrase.waste-of-money'],
      ['wouldnt recommend the toner', 'phrase.wouldnt-recommend'],
      ['the toner is cheaper elsewhere', 'phrase.cheaper-elsewhere'],
      ['no production date on the toner', 'phrase.no-production-date'],
      ['the power bank is a knock-off', 'phrase.knock-off'],
    ] as const) {
      expect(chat(text)[0]?.rule, text).toBe(rule);
    }
  });

  it('scores in [0, 1], stronger for stronger language, and stamps the version', () => {
    const mild = chat('the toner is a bit annoying')[0]!;
    const strong = chat('the toner is a horrible disgusting scam')[0]!;
    expect(mild.score).toBeGreaterThan(0);
    expect(strong.score).toBeGreaterThan(mild.score);
    expect(strong.score).toBeLessThanOrEqual(1);
    expect(strong.detectorVersion).toBe(`${DETECTOR_VERSION}+${SHIPPED_MODEL.version}`);
    expect(detector.version).toBe(strong.detectorVersion);
    expect(createDetector(catalog, { model: null }).version).toBe(DETECTOR_VERSION);
  });

  it('returns one finding per product per line, explained by its strongest clause', () => {
    const found = chat('the toner is annoying. honestly the toner is a total scam');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'phrase.scam', explanation: { clause: 'honestly the toner is a total scam' } });
  });

  it('accepts merchant phrases through options', () => {
    const custom = createDetector(catalog, { extraPhrases: [{ text: 'pilled', slug: 'pilled', weight: -2 }] });
    const [f] = custom.detect({ eventId: 'c', type: 'chat', text: 'my toner pilled' }, { onAirProductId: null });
    expect(f?.rule).toBe('phrase.pilled');
  });
});

describe('createDetector: robustness', () => {
  const odd = [
    '',
    ' ',
    '\u0000\u0001\u001f\u007f',
    '🤮🤮🤮',
    '\uD800 lone surrogate \uDFFF',
    '???!!!...;;;,,,',
    'but but but however although',
    'not not not never no',
    '这个精华液太差了，不要买',
    'مرحبا هذا سيء',
    'e\u0301\u0301\u0301 combining',
    'İSTANBUL TONER İS AWFUL',
    'the toner is awful '.repeat(50_000),
    'serum'.repeat(100_000),
  ];

  it('never throws and always returns schema-valid findings with spans inside the text', () => {
    for (const text of [...odd, ...randomLines(300)]) {
      for (const onAir of [null, 'serum', 'not-in-catalog']) {
        const found = chat(text, onAir);
        for (const f of found) {
          expect(() => findingSchema.parse(f)).not.toThrow();
          expect(f.explanation.product.end).toBeLessThanOrEqual(text.length);
        }
      }
    }
  });

  it('does not throw on inputs that break the declared types', () => {
    const input = { eventId: 'x', type: 'chat', text: undefined } as unknown as DetectInput;
    expect(detector.detect(input, { onAirProductId: 'serum' })).toEqual([]);
    expect(createDetector({ products: [] }).detect({ eventId: 'x', type: 'chat', text: 'awful' }, { onAirProductId: null })).toEqual([]);
  });

  it('is deterministic', () => {
    const text = 'the toner is awful but the serum is great, this one broke 🤮';
    expect(chat(text, 'bank')).toEqual(chat(text, 'bank'));
  });

  it('stays fast on a pathological line', () => {
    const started = performance.now();
    chat('this is not awful but '.repeat(200_000), 'serum');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

/** Lines mixing aliases, cues, negators, punctuation and noise, from a fixed seed so failures reproduce. */
function randomLines(count: number): string[] {
  const pool = ['serum', 'toner', 'power', 'bank', 'not', "don't", 'scam', 'awful', 'great', 'but', 'if', 'this', 'mine', '?', '.', ',', '🤮', '😍', '\u0000', '\uD83D', "'s", '-', ' ', 'İ', '2.5'];
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 30) }, () => pool[Math.floor(next() * pool.length)]).join(next() < 0.5 ? ' ' : ''),
  );
}

describe('createDetector: live-commerce kinds of case', () => {
  it('leaves another brand, a previous product, the product as it was and other makers off the product on air', () => {
    const elsewhere = [
      chat('my old power bank from the airport died in a week', 'bank'),
      chat('my Zapmax charger died in a week', 'bank'),
      chat('the QuickCharge brick died in a week', 'bank'),
      chat('the old one broke so i got this', 'bank'),
      host('the old formula was terrible, this new one fixed everything', 'serum'),
      host('competitor brands are overpriced garbage', 'serum'),
      host('other brands are overpriced garbage', 'serum'),
    ];
    expect(elsewhere.flat()).toEqual([]);
    expect(products(chat('mine died in a week', 'bank'))).toEqual(['bank']);
    expect(products(host('the new formula is terrible', 'serum'))).toEqual(['serum']);
  });

  it('hears regret at finding the product late as praise', () => {
    expect(chat("i hate that i didn't find this sooner", 'serum')).toEqual([]);
    expect(hostInVoice("honestly i hate that i didn't try it sooner", 'serum')).toEqual([]);
  });

  it('takes shouted capitals, mocking case and hashtags for emphasis, not for another brand', () => {
    expect(products(chat('MY SKIN BROKE OUT SO BAD', 'serum'))).toEqual(['serum']);
    expect(products(chat('this is sO bad', 'serum'))).toEqual(['serum']);
    expect(products(chat('i wiLL never buy this again', 'serum'))).toEqual(['serum']);
    expect(products(chat('iWas so mad, it broke in a day', 'serum'))).toEqual(['serum']);
    expect(products(chat('#TikTokMadeMeBuyIt and it broke me out', 'serum'))).toEqual(['serum']);
    // A name capitalised as names are still is one: a brand after an owner, a CamelCase brand.
    expect(chat('my Brantwood serum broke me out', 'serum')).toEqual([]);
    expect(chat('the iPhone charger broke in a week', 'bank')).toEqual([]);
  });

  it("hears a skin reaction said as happening, not as the trouble a product treats", () => {
    for (const line of ['my face is burning from this', 'it stings so bad', 'so itchy after one use', 'it gave me hives']) {
      expect(chat(line, 'serum').map((f) => f.rule), line).toEqual(['phrase.skin-reaction']);
    }
    expect(hostInVoice('no burning, no stinging, just glow', 'serum')).toEqual([]);
    expect(hostInVoice('it calms redness and irritation', 'serum')).toEqual([]);
    expect(products(hostInVoice('honestly it stings a bit on broken skin, so patch test first', 'serum'))).toEqual(['serum']);
  });

  it("never lets the line model clear a reaction on the speaker's body; a past before the product is no reaction", () => {
    // The shipped model reads this chat line as harmless (p < 0.1, its veto): too few chat reactions to learn from.
    const [finding] = chat('my skin broke out', 'serum');
    expect(finding).toMatchObject({ productId: 'serum', rule: 'phrase.health-complaint' });
    expect(finding!.explanation.model!.probability).toBeLessThan(SHIPPED_MODEL!.veto);
    expect(chat('my skin broke out all the time before i found this', 'serum')).toEqual([]);
    expect(chat('i had a rash every week until i tried this', 'serum')).toEqual([]);
  });

  it('counts a rival beating the product against the contracted product', () => {
    expect(products(chat('Zapmax is better than this and half the price', 'bank'))).toEqual(['bank']);
    expect(products(chat('Zapmax still better tbh', 'bank'))).toEqual(['bank']);
    expect(chat('this is better than Zapmax', 'bank')).toEqual([]);
  });

  it('hears a host comparing prices as selling, and a catalogue word inside another name as that name', () => {
    expect(host('half the price of the big brands and it charges faster', 'bank')).toEqual([]);
    expect(products(chat('half the price at the other shop lol', 'bank'))).toEqual(['bank']);
    expect(chat('the Toner Wars podcast last night was awful', 'toner')).toEqual([]);
  });

  it('lets a clause that names nothing continue a clause about another product', () => {
    expect(chat('my Zapmax charger died in a week, total junk', 'bank')).toEqual([]);
    expect(chat('the power bank from Zapmax died on me', 'bank')).toEqual([]);
    expect(products(chat('my Zapmax charger was fine, this one is junk', 'bank'))).toEqual(['bank']);
  });

  it('points "this" at the product on air even when another clause named something else', () => {
    expect(products(chat('the toner is lovely but this feels cheap', 'bank'))).toEqual(['bank']);
  });

  it('hears a conceding host hedge a flaw, but not an after-sales promise or a quoted complaint denied', () => {
    expect(products(host("i'll be honest the lid isn't very tight", 'bank'))).toEqual(['bank']);
    expect(host('if it arrives broken we replace it, no questions asked', 'bank')).toEqual([]);
    expect(host("someone's saying it's a scam, nope, it's the real thing", 'bank')).toEqual([]);
    // A trouble already over is no report; one never mended still is.
    expect(host("sorry guys the link was broken, it's fixed now", 'bank')).toEqual([]);
    expect(host('the pump was broken and it never got fixed', 'bank')).toHaveLength(1);
  });

  it('reads the reason after an inquiry as context, but a complaint after it as a complaint', () => {
    expect(chat("does it come in blue? i'm not great with dark colours", 'serum')).toEqual([]);
    expect(products(chat('when is it back in stock? mine leaked everywhere', 'serum'))).toEqual(['serum']);
  });

  it('treats a missing date or label as a complaint even in question form', () => {
    expect(products(chat('where is the expiration date on this?', 'serum'))).toEqual(['serum']);
  });

  it('explains a loose match with how it matched', () => {
    const [f] = chat('the voltcorr bank died on me');
    expect(f?.explanation.product).toMatchObject({ via: 'fuzzy', text: 'voltcorr' });
    expect(f?.productId).toBe('bank');
  });
});

describe('createDetector: the line model', () => {
  const catalog = { products: [{ id: 'serum', name: 'GlowLab Serum', brand: 'GlowLab', aliases: ['serum'] }] };
  const withModel = createDetector(catalog);
  const rulesOnly = createDetector(catalog, { model: null });
  const read = (d: typeof withModel, text: string, type: 'chat' | 'transcript' = 'chat') =>
    d.detect({ eventId: 'e1', type, text }, { onAirProductId: 'serum' });

  it('flags a complaint no lexicon word carries, and cites its probability and words', () => {
    const text = 'The acting was wooden and the plot was predictable from the first scene.';
    expect(read(rulesOnly, text, 'transcript')).toEqual([]);
    const [finding] = read(withModel, text, 'transcript');
    expect(finding?.productId).toBe('serum');
    expect(finding!.explanation.model!.probability).toBeGreaterThanOrEqual(0.5);
    // No lexicon cue scores the clause: half the model's probability does, below a phrase's strong evidence.
    expect(finding!.score).toBeCloseTo(finding!.explanation.model!.probability / 2, 2);
    expect(finding!.explanation.model!.words.map((w) => w.text)).not.toContain('was');
    expect(finding!.explanation.model!.words.length).toBeGreaterThan(0);
    for (const w of finding!.explanation.model!.words) expect(text.toLowerCase()).toContain(w.text);
  });

  it('reads each line in a register: chat as chat, a host talking to viewers as host speech, written prose as its kind', () => {
    const register = (text: string, type: 'chat' | 'transcript') => read(withModel, text, type)[0]?.explanation.model?.register;
    expect(register('the texture was like glue, I regret ordering it', 'chat')).toBe('live chat');
    expect(register('honestly you guys the serum is a little sticky on me i do not love it', 'transcript')).toBe('host speech');
    expect(register('The waiter ignored us for twenty minutes and the soup was cold.', 'transcript')).toBe('restaurant review');
    // A host listing what a product lacks is describing it, whatever a reviewer would mean by the same words.
    expect(read(withModel, 'no fragrance no alcohol nothing harsh in there for those of you asking', 'transcript')).toEqual([]);
  });

  it('does not overrule what the rules settled: an inquiry, a rebuttal, a "but" taking it back', () => {
    for (const text of ['is the serum bad for sensitive skin?', 'people say the serum is fake, it is not fake', 'the serum smelled weird at first but now i love it']) {
      expect(read(withModel, text), text).toEqual([]);
    }
  });

  it('keeps the rules alone when built with model: null', () => {
    expect(read(rulesOnly, 'this serum is a total scam')[0]?.explanation.model).toBeUndefined();
    expect(read(withModel, 'this serum is a total scam')[0]?.explanation.model?.version).toBe(SHIPPED_MODEL.version);
  });
});
