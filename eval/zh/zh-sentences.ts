import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One labelled review: negative when the set's label is 0. */
export interface ZhSentence {
  text: string;
  negative: boolean;
}

/** The files of `shared/data/zh-sentences`, CSV `label,review` with 1 positive and 0 negative. */
export const ZH_SENTENCE_FILES = ['waimai_10k.csv', 'ChnSentiCorp_htl_all.csv'] as const;

// RFC 4180 enough for these files: quoted fields, doubled quotes inside them, newlines inside quotes.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Reads one file of reviews (header skipped, malformed rows dropped), at most `limit` of them. */
export function readZhSentences(path: string, limit = Number.POSITIVE_INFINITY): ZhSentence[] {
  return parseCsv(readFileSync(path, 'utf8'))
    .slice(1)
    .filter((r) => (r[0] === '0' || r[0] === '1') && (r[1] ?? '').trim() !== '')
    .slice(0, limit)
    .map((r) => ({ text: r[1]!, negative: r[0] === '0' }));
}

/** Negative-class precision, recall and F1 of a sentence scorer on each zh-sentences file (rough: noisy labels). */
export function scoreZhSentences(
  dataRoot: string,
  isNegative: (text: string) => boolean,
  options: { limit?: number } = {},
): Record<string, { n: number; precision: number; recall: number; f1: number }> {
  const out: Record<string, { n: number; precision: number; recall: number; f1: number }> = {};
  for (const file of ZH_SENTENCE_FILES) {
    const sentences = readZhSentences(join(dataRoot, 'zh-sentences', file), options.limit);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const s of sentences) {
      const said = isNegative(s.text);
      if (said && s.negative) tp++;
      else if (said) fp++;
      else if (s.negative) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    out[file] = { n: sentences.length, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
  }
  return out;
}
