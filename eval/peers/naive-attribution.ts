import type { Catalog } from '@anchorwatch/schemas';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Products whose name or alias appears in a line as whole words, case-insensitively. */
export type NameFinder = (text: string) => string[];

/** Compiles the catalogue into one word-bounded pattern per product: the attribution every peer gets. */
export function compileNameFinder(catalog: Catalog): NameFinder {
  const patterns = catalog.products.map((p) => {
    const terms = [p.name, ...p.aliases].map((t) => t.trim()).filter((t) => t !== '').map(escape);
    return { id: p.id, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.join('|')})(?![\\p{L}\\p{N}])`, 'iu') };
  });
  return (text) => patterns.filter((p) => p.pattern.test(text)).map((p) => p.id);
}
