import { describe, expect, it } from 'vitest';
import { NEGATIVE_PHRASES } from './phrases.ts';
import { compileTerms, scoreClause } from './score-clause.ts';
import { tokenize } from './tokenize.ts';

const terms = compileTerms(NEGATIVE_PHRASES);
const score = (text: string) => {
  const tokens = tokenize(text);
  return scoreClause(terms, tokens, text, 0, tokens.length);
};

describe('scoreClause', () => {
  it('scores AFINN words', () => {
    expect(score('this is awful').total).toBe(-3);
    expect(score('this is great').total).toBe(3);
  });

  it('flips a word a negator precedes within three words', () => {
    expect(score('not bad').total).toBeGreaterThan(0);
    expect(score("don't really love it").total).toBeLessThan(0);
    expect(score("don't really love it").negated).toEqual(['love']);
    expect(score('not at all really very bad').total).toBeLessThan(0);
  });

  it('reads "never so bad" and "never more insulted" as stressed, not denied (VADER\'s never-so rule)', () => {
    expect(score("I've never been treated so bad").total).toBeLessThan(-3);
    expect(score("I've never been more insulted").total).toBeLessThan(0);
    expect(score('never been bad').total).toBeGreaterThan(0);
  });

  it('reads a negated limit as the most, not the opposite, and "to die for" as praise', () => {
    for (const text of ["couldn't be happier", 'it could not be better', "couldn't ask for a better one", "can't say enough good things", 'this is to die for']) {
      expect(score(text).total, text).toBeGreaterThan(0);
    }
    for (const text of ["couldn't be worse", "it couldn't be more useless", "it couldn't get any worse"]) {
      expect(score(text).total, text).toBeLessThan(0);
    }
    // The limit idioms leave plain negation alone.
    expect(score('it could not be useful').total).toBeLessThan(0);
  });

  it('reads predicative slang after a copula as well as at a clause end, and "straight" as no praise', () => {
    expect(score('the mic is straight buns on calls').total).toBeLessThan(0);
    expect(score('this one is mid tbh').total).toBeLessThan(0);
    expect(score('mid shoot i noticed the light').cues.map((c) => c.text)).not.toContain('mid');
    expect(score('this is straight fire').total).toBe(0);
  });

  it('reads praise beside an irony emoji as sarcasm, and leaves sincere praise alone', () => {
    const ironic = score("love how mine came with a free hole in the sleeve 🙃");
    expect(ironic.total).toBeLessThan(0);
    expect(ironic.phrases).toEqual([{ slug: 'sarcasm', text: '🙃' }]);
    expect(ironic.cues.filter((c) => c.text === '🙃')).toHaveLength(1);
    expect(score('cool cool cool 🙄').total).toBeLessThan(0);
    expect(score('love this one 😍').total).toBeGreaterThan(0);
  });

  it('does not let a marker of candour negate what follows ("not gonna lie, it is bad")', () => {
    for (const text of ["not gonna lie it's bad", 'no lie this is terrible', "i won't lie, it's awful", 'not to lie this sucks']) {
      expect(score(text).total, text).toBeLessThan(0);
    }
    expect(score("not gonna lie it's great").total).toBeGreaterThan(0);
  });

  it('reads set phrases whose words the lexicons score as what they say ("dirt cheap", "haters gonna hate")', () => {
    expect(score('dirt cheap').total).toBe(0);
    expect(score('haters gonna hate').total).toBe(0);
    expect(score('omg i need this so bad').total).toBe(0);
    expect(score('the strap dug in so bad').total).toBeLessThan(0);
    expect(score("i can't believe how good this is").total).toBeGreaterThan(0);
    expect(score('the host is killing it').total).toBeGreaterThan(0);
  });

  it("reads a remedy claim as no complaint, a denied one as a complaint, and harm to the buyer's own things as harm", () => {
    for (const text of ['this kills dark spots', 'it fights redness all day', 'gets rid of stubborn stains', 'kills 99 percent of germs']) {
      expect(score(text).total, text).toBe(0);
    }
    expect(score('it did not fight my acne at all').total).toBeLessThan(0);
    expect(score('it killed my battery').total).toBeLessThan(0);
  });

  it('reads a spelled-out "not" after an auxiliary as a verbal negator of "like"', () => {
    expect(score('did not like it at all').total).toBeLessThan(0);
    expect(score('not like a corn nut').total).toBe(0);
  });

  it('counts negative words said of a subject, and not words used as attributes', () => {
    expect(score('I was so angry').predicated).toBeGreaterThan(0);
    expect(score('the waitress was a little rude').predicated).toBe(1);
    expect(score('ran it empty for ten minutes').predicated).toBe(0);
    expect(score('very slow at seating').predicated).toBe(1);
    expect(score('a hiss means noise cancel is off').predicated).toBe(0);
  });

  it('reads denied freshness and denied taste as complaints, "fresh" alone as nothing', () => {
    expect(score("the bread wasn't fresh").total).toBeLessThan(0);
    expect(score("it wasn't very tasty").total).toBeLessThan(0);
    expect(score("a fresh one's on the way").cues).toEqual([]);
  });

  it('lets a negator flip only the first cue after it', () => {
    expect(score('that kick is no joke so good').total).toBeGreaterThan(0);
  });

  it('fires phrases, and a negated phrase scores nothing', () => {
    expect(score('total rip-off').phrases).toEqual([{ slug: 'rip-off', text: 'rip-off' }]);
    const denied = score('it is not fake');
    expect(denied).toMatchObject({ total: 0, phrases: [], denied: ['fake'], negated: ['fake'] });
  });

  it('ignores AFINN words live commerce uses as fillers or product words', () => {
    expect(score('it charges in two hours with noise cancelling').cues).toEqual([]);
    expect(score('yeah the top of the box').cues).toEqual([]);
  });

  it('does not read contractions as lexicon words', () => {
    expect(score("I'll be there").cues).toEqual([]);
  });

  it('treats a negative word before a positive one as an intensifier', () => {
    expect(score('stupid good').total).toBe(3);
    expect(score('what a stupid design').total).toBeLessThan(0);
  });

  it('does not score what follows "if"', () => {
    expect(score('and if it ever stops working we replace it').cues).toEqual([]);
  });

  it('scores emoji with a clear valence', () => {
    expect(score('toner smells 🤮').total).toBeLessThan(0);
  });
});

describe('scoreClause: VADER-style emphasis', () => {
  it('strengthens a cue after a booster or in capitals amid lower case, weakens it after a dampener', () => {
    expect(score('this is bad').total).toBe(-3);
    expect(score('this is really bad').total).toBeLessThan(-3);
    expect(score('this is BAD').total).toBeLessThan(-3);
    expect(score('THIS IS BAD').total).toBe(-3);
    expect(score('this is a little bad').total).toBeGreaterThan(-3);
  });

  it('reads elongated words as the word ("baaad")', () => {
    expect(score('sooo baaad').total).toBeLessThan(0);
  });

  it('negates "like" after a verbal negator only, and carries a negation through a list', () => {
    expect(score("i didn't like it").total).toBeLessThan(0);
    expect(score('crunchy, not like a cracker').cues).toEqual([]);
    expect(score("wasn't helpful or friendly").total).toBeLessThan(-3);
  });

  it('reads leetspeak and emoticons', () => {
    expect(score('total sc@m').phrases.map((p) => p.slug)).toEqual(['scam']);
    expect(score('arrived today :(').total).toBeLessThan(0);
  });

  it('ignores words the catalogue names products with', () => {
    const tokens = tokenize('the slow cooker');
    expect(scoreClause(terms, tokens, 'the slow cooker', 0, tokens.length, true, new Set(['slow', 'cooker'])).cues).toEqual([]);
  });
});
