import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalSet } from '../stream.ts';
import { sentenceSet, type LabelledLine } from './sentences.ts';

// shared/data/zh-sentences: CSV `label,review`, 1 positive and 0 negative. The labels are noisy: these sets are
// reported, never used as a gate.
const FILES = [
  ['waimai_10k.csv', 'zh waimai reviews'],
  ['ChnSentiCorp_htl_all.csv', 'zh hotel reviews'],
] as const;

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

/** Reads one file of reviews (header skipped, malformed rows dropped). */
function readReviews(path: string): LabelledLine[] {
  return parseCsv(readFileSync(path, 'utf8'))
    .slice(1)
    .filter((r) => (r[0] === '0' || r[0] === '1') && (r[1] ?? '').trim() !== '')
    .map((r) => ({ text: r[1]!, negative: r[0] === '0' }));
}

/** The Chinese review sets that exist under `dir`, each read as host speech about one product on air. */
export function loadZhSentenceSets(dir: string): EvalSet[] {
  return FILES.filter(([file]) => existsSync(join(dir, file))).map(([file, name]) =>
    sentenceSet(name, readReviews(join(dir, file)), 'zh'),
  );
}
