import type { Catalog } from '@anchorwatch/schemas';
import { isEverydayWord, SoundIndex } from './sounds-like.ts';
import { TokenTrie } from './token-trie.ts';
import { termKeys, type Token } from './tokenize.ts';
import { WordSet } from './word-set.ts';
import { WordTable } from './word-table.ts';

/** How a term names its products: what names them, the strongest first ('name' over 'alias' over 'sku'). */
type Naming = { readonly ids: readonly string[]; readonly via: TermKind };
type TermKind = 'name' | 'alias' | 'sku';
type Via = TermKind | 'fuzzy' | 'phonetic';
const RANK: Record<TermKind, number> = { name: 3, alias: 2, sku: 1 };

/** A catalogue product named in a line. Several ids when one alias belongs to several products. */
export interface Mention {
  productIds: readonly string[];
  via: Via;
  text: string;
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd) in the line. */
  tokenStart: number;
  tokenEnd: number;
}

/** The catalogue compiled for matching: build once per catalogue, query per line. */
export interface MentionIndex {
  exact: TokenTrie<Naming>;
  sound: SoundIndex;
  /** Product id → the words of its name and aliases other than its brand ("knife", "serum"). */
  typeWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every word of every name, alias and brand; it shares the exact trie's word table. */
  keys: ReadonlySet<string>;
  /** Product id → the ids of its brand's products (itself included). */
  siblings: ReadonlyMap<string, readonly string[]>;
  /** Deny entries (the catalogue's `notMentions`): longer terms a name inside them does not name. Null when none. */
  deny: TokenTrie<true> | null;
}

const singular = (key: string): string => (key.length > 3 && key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : key);

/** Terms while compiling, by joined keys: product ids in the order first added, 'name' once an entry is a name. */
type Drafts = Map<string, { keys: readonly string[]; naming: Map<string, TermKind> }>;

function addDraft(drafts: Drafts, keys: readonly string[], id: string, via: TermKind): void {
  if (keys.length === 0) return;
  const joined = keys.join(' ');
  const draft = drafts.get(joined) ?? { keys, naming: new Map<string, TermKind>() };
  const held = draft.naming.get(id);
  if (!held || RANK[via] > RANK[held]) draft.naming.set(id, via);
  drafts.set(joined, draft);
}

/**
 * The other grammatical number of a term's last word, so "the skillets" names the Skillet and "a slide" the
 * Slides: a plural for a singular (skillet → skillets, brush → brushes, battery → batteries), the singular for a
 * plural. Null for words too short, with digits, or in other scripts.
 */
function otherNumber(word: string): string | null {
  if (!/^[a-z]{3,}$/.test(word)) return null;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (/(ss|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

// A SKU code short enough to be an everyday number or word ("100", "S") would be found everywhere.
const MIN_SKU_LENGTH = 4;

/**
 * Compiles product names, aliases, brand-prefixed aliases and brands into a token trie, and the distinctive words
 * (brands, run-together and CamelCase names) into a loose index for typos and speech-to-text mishearings.
 */
export function compileMentions(catalog: Catalog): MentionIndex {
  const drafts: Drafts = new Map();
  const loose = new Map<string, string[]>();
  const distinctive = new Set<string>();
  const exactKeys = new Set<string>();
  const typeWords = new Map<string, Set<string>>();
  const addLoose = (word: string, id: string): void => {
    const ids = loose.get(word) ?? [];
    if (!ids.includes(id)) ids.push(id);
    loose.set(word, ids);
  };
  for (const product of catalog.products) {
    const brand = product.brand?.trim();
    const brandKeys = new Set(brand ? termKeys(brand, 'key') : []);
    const words = new Set<string>();
    typeWords.set(product.id, words);
    const add = (term: string, via: 'name' | 'alias'): void => {
      const keys = termKeys(term, 'key');
      addDraft(drafts, keys, product.id, via);
      const other = keys.length > 0 ? otherNumber(keys[keys.length - 1]!) : null;
      if (other) {
        addDraft(drafts, [...keys.slice(0, -1), other], product.id, via);
        exactKeys.add(other);
      }
      for (const key of keys) {
        exactKeys.add(key);
        if (!brandKeys.has(key)) words.add(singular(key));
      }
      if (keys.length > 1) addLoose(keys.join(''), product.id);
      for (const word of term.split(/[^\p{L}\p{N}]+/u)) {
        if (!/\p{Ll}\p{Lu}/u.test(word)) continue;
        addLoose(word.toLowerCase(), product.id);
        distinctive.add(word.toLowerCase());
      }
    };
    add(product.name, 'name');
    // A SKU code as written ("VC-MS-10K": the words vc ms 10k) and run together ("vcms10k").
    const sku = product.sku ? termKeys(product.sku, 'key') : [];
    if (sku.join('').length >= MIN_SKU_LENGTH) {
      addDraft(drafts, sku, product.id, 'sku');
      if (sku.length > 1) addDraft(drafts, [sku.join('')], product.id, 'sku');
    }
    for (const alias of product.aliases) {
      add(alias, 'alias');
      // People say "VoltCore MagSnap" as often as "MagSnap"; the catalogue need not list both.
      if (brand && !alias.toLowerCase().startsWith(brand.toLowerCase())) add(`${brand} ${alias}`, 'alias');
    }
    // The brand alone names every product of that brand; context settles which (see attribute.ts). A brand that is
    // an everyday word ("Loop", "Bliss") is only matched next to its products' words, through the aliases above.
    const brandTerm = brand ? termKeys(brand, 'key') : [];
    if (brand && !(brandTerm.length === 1 && isEverydayWord(brandTerm[0]!))) {
      addDraft(drafts, brandTerm, product.id, 'alias');
      addLoose(termKeys(brand, 'key').join(''), product.id);
      distinctive.add(termKeys(brand, 'key').join(''));
    }
  }
  // Terms are merged first and stored once, frozen: a mention hands its term's ids on without copying them.
  const words = new WordTable();
  const exact = new TokenTrie<Naming>(words);
  for (const { keys, naming } of drafts.values()) {
    const via = [...naming.values()].reduce((best, v) => (RANK[v] > RANK[best] ? v : best));
    exact.add(keys, Object.freeze({ ids: Object.freeze([...naming.keys()]), via }));
  }
  const keys = new WordSet(exactKeys, words);
  const byBrand = new Map<string, string[]>();
  for (const p of catalog.products) {
    const brand = p.brand?.trim().toLowerCase();
    if (brand) byBrand.set(brand, [...(byBrand.get(brand) ?? []), p.id]);
  }
  const siblings = new Map(catalog.products.map((p) => [p.id, byBrand.get(p.brand?.trim().toLowerCase() ?? '') ?? [p.id]]));
  const denied = catalog.products.flatMap((p) => p.notMentions ?? []).map((entry) => termKeys(entry, 'key'));
  let deny: TokenTrie<true> | null = null;
  for (const keys of denied.filter((k) => k.length > 0)) (deny ??= new TokenTrie<true>()).add(keys, true);
  const sound = new SoundIndex(new Map([...loose].map(([word, ids]) => [word, Object.freeze(ids)])), distinctive, keys);
  return { exact, sound, typeWords, keys, siblings, deny };
}

/**
 * Narrows a brand-level match by the product words right after it ("FerroHaus knife", extending the span) or just
 * before it ("the loafers from Wrenfield").
 */
function narrow(index: MentionIndex, tokens: readonly Token[], ids: readonly string[], start: number, end: number): { ids: readonly string[]; end: number } {
  if (ids.length < 2) return { ids, end };
  const hitsAt = (i: number): readonly string[] | null => {
    const token = tokens[i];
    if (token?.kind !== 'word') return null;
    const key = singular(token.key);
    const hits = ids.filter((id) => index.typeWords.get(id)?.has(key));
    return hits.length > 0 && hits.length < ids.length ? hits : null;
  };
  for (let i = end; i < Math.min(tokens.length, end + 2); i++) {
    const hits = hitsAt(i);
    if (hits) return { ids: hits, end: i + 1 };
  }
  for (let i = start - 1; i >= Math.max(0, start - 3); i--) {
    const hits = hitsAt(i);
    if (hits) return { ids: hits, end };
  }
  return { ids, end };
}

/** Finds catalogue products named in a tokenised line: whole words only, longest term first, no overlaps. */
export function findMentions(index: MentionIndex, tokens: readonly Token[], text: string): Mention[] {
  const mentions: Mention[] = [];
  // Longest match wins: a name inside a longer deny entry ("Juniper" in "Juniper Lane") is no mention; on a tie the
  // name (the allow entry) wins.
  const denied: { start: number; end: number }[] = [];
  if (index.deny) {
    for (let j = 0; j < tokens.length; j++) {
      const hit = index.deny.longestAt(tokens, j, 'key');
      if (hit) denied.push({ start: hit.start, end: hit.end });
    }
  }
  const insideDenied = (start: number, end: number): boolean =>
    denied.some((d) => d.start <= start && end <= d.end && d.end - d.start > end - start);
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]!.kind !== 'word') {
      i++;
      continue;
    }
    const match = index.exact.longestAt(tokens, i, 'key');
    let found: { ids: readonly string[]; via: Via; end: number } | null = null;
    if (match) {
      found = { ids: match.value.ids, via: match.value.via, end: match.end };
    } else {
      const loose = index.sound.matchAt(tokens, i);
      if (loose) found = { ids: loose.productIds, via: loose.via, end: loose.end };
    }
    if (!found) {
      i++;
      continue;
    }
    const narrowed = narrow(index, tokens, found.ids, i, found.end);
    if (insideDenied(i, narrowed.end)) {
      i++;
      continue;
    }
    const start = tokens[i]!.start;
    const end = tokens[narrowed.end - 1]!.end;
    mentions.push({
      productIds: narrowed.ids,
      via: found.via,
      text: text.slice(start, end),
      start,
      end,
      tokenStart: i,
      tokenEnd: narrowed.end,
    });
    i = narrowed.end;
    const joined = coordinated(index, tokens, narrowed.ids, i);
    if (joined) {
      const token = tokens[joined.at]!;
      mentions.push({ productIds: [joined.id], via: 'alias', text: token.text, start: token.start, end: token.end, tokenStart: joined.at, tokenEnd: joined.at + 1 });
      i = joined.at + 1;
    }
  }
  return mentions;
}

const COORDINATORS = new Set(['and', 'or', 'nor']);

/**
 * "the GlowLab serum and toner": a product word right after "and" names the one sibling of the same brand it
 * belongs to, though alone it is no alias.
 */
function coordinated(index: MentionIndex, tokens: readonly Token[], ids: readonly string[], at: number): { id: string; at: number } | null {
  if (ids.length !== 1 || tokens[at]?.kind !== 'word' || !COORDINATORS.has(tokens[at]!.key)) return null;
  let next = at + 1;
  if (tokens[next]?.key === 'the') next++;
  const token = tokens[next];
  if (token?.kind !== 'word' || index.exact.longestAt(tokens, next, 'key')) return null;
  const key = singular(token.key);
  const hits = (index.siblings.get(ids[0]!) ?? []).filter((id) => id !== ids[0] && index.typeWords.get(id)?.has(key));
  return hits.length === 1 ? { id: hits[0]!, at: next } : null;
}
