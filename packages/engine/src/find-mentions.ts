import type { Catalog } from '@anchorwatch/schemas';
import { TokenTrie } from './token-trie.ts';
import { termKeys, type Token } from './tokenize.ts';

/** How a term names its products: a product id → 'name' or 'alias'. */
type Naming = ReadonlyMap<string, 'name' | 'alias'>;

/** A catalogue product named in a line. Several ids when one alias belongs to several products. */
export interface Mention {
  productIds: readonly string[];
  via: 'name' | 'alias';
  text: string;
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd) in the line. */
  tokenStart: number;
  tokenEnd: number;
}

/** The catalogue compiled for matching: build once per catalogue, query per line. */
export type MentionIndex = TokenTrie<Naming>;

function mergeNaming(old: Naming, added: Naming): Naming {
  const merged = new Map(old);
  for (const [id, via] of added) if (merged.get(id) !== 'name') merged.set(id, via);
  return merged;
}

/** Compiles product names, aliases and brand-prefixed aliases into a token trie. */
export function compileMentions(catalog: Catalog): MentionIndex {
  const trie: MentionIndex = new TokenTrie();
  for (const product of catalog.products) {
    const add = (term: string, via: 'name' | 'alias'): void =>
      trie.add(termKeys(term, 'key'), new Map([[product.id, via]]), mergeNaming);
    add(product.name, 'name');
    const brand = product.brand?.trim();
    for (const alias of product.aliases) {
      add(alias, 'alias');
      // People say "VoltCore MagSnap" as often as "MagSnap"; the catalogue need not list both.
      if (brand && !alias.toLowerCase().startsWith(brand.toLowerCase())) add(`${brand} ${alias}`, 'alias');
    }
  }
  return trie;
}

/** Finds catalogue products named in a tokenised line: whole words only, longest term first, no overlaps. */
export function findMentions(index: MentionIndex, tokens: readonly Token[], text: string): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = tokens[i]!.kind === 'word' ? index.longestAt(tokens, i, 'key') : null;
    if (!match) {
      i++;
      continue;
    }
    const start = tokens[match.start]!.start;
    const end = tokens[match.end - 1]!.end;
    const namings = [...match.value.values()];
    mentions.push({
      productIds: [...match.value.keys()],
      via: namings.includes('name') ? 'name' : 'alias',
      text: text.slice(start, end),
      start,
      end,
      tokenStart: match.start,
      tokenEnd: match.end,
    });
    i = match.end;
  }
  return mentions;
}
