import { words as stopwords } from 'natural/lib/natural/util/stopwords.js';
import type { Mention } from './find-mentions.ts';
import { WORD_VALENCE } from './lexicon.ts';
import type { Token } from './tokenize.ts';

const FUNCTION_WORDS = new Set(stopwords);
// Descriptions that may precede a product word without making it another brand's ("my new buds").
const DESCRIPTIONS = new Set([
  'new', 'old', 'little', 'big', 'small', 'mini', 'black', 'white', 'pink', 'red', 'blue', 'green', 'grey', 'gray',
  'cute', 'first', 'second', 'other', 'last', 'whole', 'same', 'real', 'actual', 'original', 'cheap', 'full', 'extra',
  'regular', 'large', 'medium', 'wireless', 'magnetic', 'current', 'entire', 'spare', 'backup', 'extra', 'matching',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'your', 'our', 'his', 'her', 'their']);
const PREVIOUS = new Set(['old', 'last', 'previous', 'former', 'ex']);
const OWNERS = new Set(['my', 'his', 'her', 'their', 'our', 'your', 'ur']);
// "the old formula", "the previous version": the product as it was, not as it is sold now.
const EARLIER = new Set(['old', 'previous', 'former']);
// Other makers as a class ("competitor brands", "the competition", "other brands").
const RIVAL_CLASS = new Set(['competitor', 'competitors', 'competition']);
const CLASS_OF_BRANDS = new Set(['other', 'most', 'those', 'cheaper', 'drugstore', 'big']);

// A CamelCase brand: capitalised parts ("AirPods", "QuickPot") or an i/e prefix ("iPhone", "eBay"). Random or
// mocking capitals ("sO bad", "wiLL", "tRash") are no brand, nor is a pronoun run into its verb ("iWas", "iAm").
const CAMEL_BRAND = /^(?:\p{Lu}\p{Ll}+|[ie])(?:\p{Lu}\p{Ll}+)+$/u;
const isCamelBrand = (text: string): boolean => CAMEL_BRAND.test(text) && !FUNCTION_WORDS.has(text.slice(1).toLowerCase());


// Capitalised as a name is ("Brantwood"), not shouted in capitals ("MY SKIN BROKE OUT").
const TITLE_CASE = /^\p{Lu}\p{Ll}/u;

/** A capitalised word that reads as another brand ("Juicenetics", "Pantry"), not a catalogue word. */
export function isCapitalisedRival(token: Token | undefined, catalogueKeys: ReadonlySet<string>): boolean {
  return token !== undefined && TITLE_CASE.test(token.text) && brandLike(token, catalogueKeys);
}

/** A word that reads as some other brand ("audiora buds", "QuickPot lid"): not everyday English, not in the catalogue. */
function brandLike(token: Token | undefined, catalogueKeys: ReadonlySet<string>): boolean {
  if (token?.kind !== 'word' || token.key.length < 4 || /\d/.test(token.key)) return false;
  const key = token.key;
  if (FUNCTION_WORDS.has(key) || DESCRIPTIONS.has(key) || WORD_VALENCE.has(token.lower) || catalogueKeys.has(key)) return false;
  return !/(ed|ing|ly|est|er)$/.test(key);
}

/** Mentions of a catalogue word that belongs to another brand's product here ("my ironvale skillet"). */
export function isRivalModifier(tokens: readonly Token[], mention: Mention, catalogueKeys: ReadonlySet<string>): boolean {
  if (mention.via === 'name' || mention.via === 'fuzzy' || mention.via === 'phonetic') return false;
  const before = tokens[mention.tokenStart - 1];
  const owner = tokens[mention.tokenStart - 2];
  // "my old power bank" is the viewer's previous one, whatever its brand.
  if (before?.kind === 'word' && PREVIOUS.has(before.key) && owner?.kind === 'word' && (OWNERS.has(owner.key) || owner.lower.endsWith("'s"))) return true;
  // "defend [the folio]": a mention that opens with a determiner has no modifier before it.
  const opensNounPhrase = DETERMINERS.has(tokens[mention.tokenStart]?.key ?? '');
  if (!opensNounPhrase && brandLike(before, catalogueKeys)) return true;
  // "Beanie Babies", "Cardi B": a catalogue word inside another capitalised name.
  const after = tokens[mention.tokenEnd];
  const titleCase = after?.kind === 'word' && after.text !== after.lower && after.text !== after.text.toUpperCase() && /^\p{Lu}/u.test(after.text);
  if (titleCase && !catalogueKeys.has(after.key)) return true;
  // "sleep gummies from NightOwl": a catalogue word made by someone else.
  const by = tokens[mention.tokenEnd];
  return by?.kind === 'word' && (by.key === 'from' || by.key === 'by') && brandLike(tokens[mention.tokenEnd + 1], catalogueKeys);
}

/**
 * True when tokens [from, to) talk about some other product: someone's previous one ("my old one", "my mom's last
 * cooker"), the product as it was ("the old formula"), other makers as a class ("competitor brands", "other
 * brands"), one of another brand ("my Brantwood boots"), or a CamelCase brand outside the catalogue ("QuickPot lid";
 * a hashtag's words are a tag, not a brand: "#NeverAgain", "#TikTokMadeMeBuyIt"). `text` is the tokenised line.
 */
export function speaksOfOtherProduct(tokens: readonly Token[], from: number, to: number, catalogueKeys: ReadonlySet<string>, text: string): boolean {
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    // Most chat is lower case: the pattern runs only on words with a capital in them.
    const cased = token.text !== token.lower;
    if (cased && isCamelBrand(token.text) && text[token.start - 1] !== '#' && !catalogueKeys.has(token.key)) return true;
    if (RIVAL_CLASS.has(token.key)) return true;
    if (i === from) continue;
    const owner = tokens[i - 1]!;
    if (token.key === 'brands' && CLASS_OF_BRANDS.has(owner.key)) return true;
    if (owner.key === 'the' && EARLIER.has(token.key)) return true;
    const owned = owner.kind === 'word' && (OWNERS.has(owner.key) || owner.lower.endsWith("'s"));
    // "my husband" is no brand; a capitalised unknown word after an owner is ("my Brantwood boots").
    const capitalised = TITLE_CASE.test(token.text);
    if (owned && (PREVIOUS.has(token.key) || (capitalised && brandLike(token, catalogueKeys)))) return true;
  }
  return false;
}
