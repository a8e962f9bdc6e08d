import { KeyTrie } from './char-trie.ts';

/** A test for "the text contains one of these words", compiled once into a character trie. */
export function containsAny(words: readonly string[]): (text: string) => boolean {
  const trie = new KeyTrie<true>();
  for (const word of words) trie.add(word, true);
  return (text) => {
    for (let i = 0; i < text.length; i++) if (trie.hasAt(text, i)) return true;
    return false;
  };
}
