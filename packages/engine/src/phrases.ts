/** A live-commerce complaint AFINN misses or underrates; `slug` names the rule in findings. */
export interface NegativePhrase {
  text: string;
  slug: string;
  weight: number;
}

const phrase = (slug: string, weight: number, ...texts: string[]): NegativePhrase[] =>
  texts.map((text) => ({ text, slug, weight }));

/** The built-in phrases; spellings are variants of one rule so findings group by `slug`. */
export const NEGATIVE_PHRASES: readonly NegativePhrase[] = [
  ...phrase('dont-buy', -3, "don't buy", 'do not buy', 'dont buy', 'save your money', 'save ur money'),
  ...phrase('fake', -3, 'fake'),
  ...phrase('counterfeit', -3, 'counterfeit'),
  ...phrase('knock-off', -3, 'knock-off', 'knockoff'),
  ...phrase('scam', -3, 'scam', 'scammed', 'scammy'),
  ...phrase('rip-off', -3, 'rip-off', 'ripoff', 'ripped off'),
  ...phrase('waste-of-money', -3, 'waste of money'),
  ...phrase('overpriced', -2, 'overpriced'),
  ...phrase('broke', -2, 'broke', 'broken'),
  ...phrase('stopped-working', -3, 'stopped working'),
  ...phrase('rash', -3, 'rash'),
  ...phrase('allergic', -3, 'allergic', 'allergic reaction'),
  ...phrase('not-worth', -2, 'not worth'),
  ...phrase('wouldnt-recommend', -3, "wouldn't recommend", 'would not recommend', 'do not recommend', "don't recommend"),
  ...phrase('refund', -2, 'refund'),
  ...phrase('return-it', -2, 'return it', 'returned it', 'returning it'),
  ...phrase('cheaper-elsewhere', -2, 'cheaper elsewhere'),
  ...phrase('no-production-date', -2, 'no production date', 'no expiration date', 'no expiry date'),
  ...phrase('no-quality-certificate', -2, 'no quality certificate'),
  ...phrase('no-manufacturer', -2, 'no manufacturer'),
];
