import { CharTrie } from './char-trie.ts';

/** A test for "the text contains one of these words", compiled once into a character trie. */
export function containsAny(words: readonly string[]): (text: string, from?: number, to?: number) => boolean {
  const trie = new CharTrie<true>();
  for (const word of words) trie.add(word, true);
  return (text, from = 0, to = text.length) => {
    for (let i = from; i < to; i++) if (trie.longestAt(text, i, to)) return true;
    return false;
  };
}
