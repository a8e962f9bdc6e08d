/** A live-commerce complaint AFINN misses or underrates; `slug` names the rule in findings. */
export interface NegativePhrase {
  text: string;
  slug: string;
  weight: number;
}

const phrase = (slug: string, weight: number, ...texts: string[]): NegativePhrase[] =>
  texts.map((text) => ({ text, slug, weight }));

/**
 * Complaints about the speaker's own body: the line model weighs, but never clears, these (a missed reaction is
 * the costliest miss, and chat has too few of them for the model to have learned them all).
 */
export const BODILY_HARM: ReadonlySet<string> = new Set(['rash', 'allergic', 'health-complaint', 'skin-reaction']);

/** The built-in phrases; spellings are variants of one rule so findings group by `slug`. */
export const NEGATIVE_PHRASES: readonly NegativePhrase[] = [
  ...phrase('dont-buy', -3, "don't buy", 'do not buy', 'dont buy', 'save your money', 'save ur money'),
  ...phrase('fake', -3, 'fake'),
  ...phrase('counterfeit', -3, 'counterfeit'),
  ...phrase('knock-off', -3, 'knock-off', 'knockoff'),
  ...phrase('scam', -3, 'scam', 'scammed', 'scammy'),
  ...phrase('rip-off', -3, 'rip-off', 'ripoff', 'ripped off'),
  // The advice not to waste money is the verdict, whatever negates "waste": each form holds its negator.
  ...phrase('waste-of-money', -3, 'waste of money', "don't waste your", 'dont waste your', 'do not waste your',
    "wouldn't waste your", 'would not waste your', "won't waste your", 'never waste your'),
  ...phrase('overpriced', -2, 'overpriced'),
  ...phrase('broke', -2, 'broke', 'broken'),
  ...phrase('stopped-working', -3, 'stopped working'),
  ...phrase('rash', -3, 'rash'),
  ...phrase('allergic', -3, 'allergic reaction', 'allergic to it', 'allergic to this', 'allergic to these', 'allergic to them'),
  ...phrase('not-worth', -2, 'not worth', 'not worth it'),
  ...phrase('wouldnt-recommend', -3, "wouldn't recommend", 'would not recommend', 'do not recommend', "don't recommend"),
  ...phrase('refund', -2, 'refund'),
  ...phrase('return-it', -2, 'return it', 'returned it', 'returning it'),
  ...phrase('defect', -2, "doesn't fit", "didn't fit", 'runs small', 'runs big', 'runs large', 'wrong size', 'wrong color',
    'wrong colour', 'missing parts', 'missing pieces', 'never arrived', 'arrived broken', 'arrived damaged', 'dead on arrival',
    'poor quality', 'low quality', 'bad quality', 'battery drains', "won't connect", 'wont connect', 'keeps disconnecting',
    'keeps crashing', 'keeps dying', 'keeps breaking', 'chemical smell', 'smells weird', 'tastes off', 'smells off'),
  ...phrase('avoid', -2, 'avoid', 'avoid it', 'thumbs down', 'look elsewhere', 'go elsewhere', 'to be desired', "i've had better",
    'ive had better', 'had better ones', "don't do it", 'dont do it', "don't go", 'do not go', 'no flavor', 'no taste', 'zero flavor',
    'no excuse', "didn't help", 'zero stars', 'one star', '1 star'),
  ...phrase('cheaper-elsewhere', -2, 'cheaper elsewhere'),
  ...phrase('no-production-date', -2, 'no production date', 'no expiration date', 'no expiry date'),
  ...phrase('no-quality-certificate', -2, 'no quality certificate'),
  ...phrase('no-manufacturer', -2, 'no manufacturer', 'no maker', 'no company', 'no brand name', 'no address'),
  ...phrase('no-label', -2, 'no date', 'no label', 'no ingredient list', 'no ingredients', 'no lot number', 'no batch number',
    'no certificate', 'no certification', 'no testing', 'no third party testing', 'no warranty', 'no manual', 'no seal'),
  ...phrase('did-nothing', -2, 'did nothing', 'does nothing', 'do nothing', "didn't do much", "didn't do anything",
    "doesn't do much", "doesn't do anything", 'did not do anything', 'no difference', 'zero difference',
    // The adverbs people stress it with sit inside the phrase.
    'did absolutely nothing', 'does absolutely nothing', 'did literally nothing', 'does literally nothing',
    'zero results', 'no results'),
  ...phrase('stopped-working', -3, 'stopped charging', 'quit working', 'stops working', "doesn't work", "don't work",
    "didn't work", "won't turn on", "wont turn on", "won't charge", "won't stay", "wont stay", "won't even", "wont even",
    "can't even", "cant even", 'died on me', 'gave out', 'gave up on me', "doesn't even work", "don't even work",
    "didn't even work", 'does not even work', 'did not even work'),
  ...phrase('fell-apart', -3, 'fell apart', 'falls apart', 'falling apart', 'came apart', 'fell off', 'came off',
    'cuts out', 'cutting out', 'see-through', 'see through', 'went flat'),
  ...phrase('would-not-buy-again', -3, 'never again', 'not buying again', 'not buying that again', 'never buying',
    "wouldn't buy", 'would not buy', "won't buy", 'not gonna buy', 'no buy', "i'll pass", 'ill pass', 'hard pass',
    'pass on this', 'skip this', 'skip it', 'stay away', 'yeah no', 'straight to the bin', 'in the bin',
    'threw it out', 'throw it out', 'collecting dust', 'money pit', 'sent it back', 'send it back', 'sending it back',
    'returned mine', 'returning mine', 'not for me', 'sent them back', 'send them back', 'sent back'),
  ...phrase('a-joke', -2, 'is a joke', 'was a joke', 'what a joke', 'a total joke', 'such a joke', 'a meme', 'a brick', 'a clown', 'a letdown', 'a ripoff',
    'a waste', 'waste of', 'worth nothing', 'least favorite', 'through the roof'),
  ...phrase('poor-quality', -2, 'not as advertised', 'a toy', 'looked nothing like', 'looks nothing like', 'look nothing like',
    'stretched out', 'not as good', 'not as fast', 'cheap plastic', 'feels cheap', 'looks cheap', 'feels so cheap',
    'looks so cheap', 'feels really cheap', 'looks really cheap', 'feels super cheap', 'looks super cheap'),
  ...phrase('health-complaint', -2, 'made me sick', 'gave me a headache', 'broke me out', 'breaks me out', 'breaking me out', 'broke out', 'hurts my', 'hurt my',
    'burned my', 'burnt my', 'rubbed raw', 'rubbed my', 'dug into', 'repeats on me', 'gave me blisters'),
  // A skin or body reacting: what a careful monitor of beauty and health products must never miss.
  // Said as happening, not as the problem a product treats ("calms irritation", "goodbye breakouts").
  ...phrase('skin-reaction', -3, 'it burns', 'it burned', 'it stings', 'it stung', 'is burning', 'was burning', 'started burning',
    'burning sensation', 'face burn', 'skin burn', 'face burns', 'skin burns', 'face stings', 'skin stings', 'so itchy',
    'made me itch', 'made me itchy', 'broke out in', 'gave me hives', 'gave me bumps', 'gave me red bumps', 'irritated my',
    'clogged my pores'),
  ...phrase('cheaper-elsewhere', -2, 'half the price', 'half that', 'same thing for', 'cheaper and', 'costs more than',
    'cost more than', 'highway robbery', 'for that price', 'at this price', 'not worth the money', 'who is paying', "who's paying"),
];
