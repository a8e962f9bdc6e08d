import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, tokenize, tokenizeAscii, tokenizeByPattern } from './tokenize.ts';

// Tests may touch the disk; the engine may not. The labelled data lives beside the repository (shared/README.md).
const dataRoot = process.env.ANCHORWATCH_SHARED_DATA ?? resolve(import.meta.dirname, '../../../../shared/data');

const shown = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);
// JSON keeps key order too, so the scan must build tokens of the same shape as the pattern.
const same = (line: string): boolean => JSON.stringify(tokenize(line)) === JSON.stringify(tokenizeByPattern(line));

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&apos;': "'", '&lt;': '<', '&gt;': '>' };

/** Every line of a data file, and the texts the eval reads out of it: events' text, tab-separated fields, XML <text>. */
function* linesOf(path: string): Generator<string> {
  const content = readFileSync(path, 'utf8');
  for (const line of content.split('\n')) {
    yield line;
    if (line.includes('\t')) yield* line.split('\t');
    if (path.endsWith('.jsonl') && line.trim() !== '') {
      const text = (JSON.parse(line) as { text?: unknown }).text;
      if (typeof text === 'string') yield text;
    }
  }
  for (const m of content.matchAll(/<text>([^<]*)<\/text>/g)) yield m[1]!.replace(/&\w+;/g, (e) => XML_ENTITIES[e] ?? e);
}

describe('the ASCII scan of tokenize', () => {
  it('reads numbers, joined words, emoticons and punctuation runs as the pattern does', () => {
    expect(shown("it's 2.5 or 1,000 bucks, don't: sc@m ca$h?!...")).toEqual([
      'word:it\'s', 'word:2.5', 'word:or', 'word:1,000', 'word:bucks', 'punct:,', "word:don't", 'punct::', 'word:sc@m',
      'word:ca$h', 'punct:?!...',
    ]);
    expect(tokenize('sc@m')[0]).toMatchObject({ text: 'sc@m', lower: 'scam', norm: 'scam' });
    expect(shown(':( :-) <3 (: ;P =D')).toEqual(['emoji::(', 'emoji::-)', 'emoji:<3', 'emoji:(:', 'emoji:;P', 'emoji:=D']);
    expect(tokenize(';P')[0]).toMatchObject({ text: ';P', lower: ';p', norm: ';p' });
    // An emoticon may not run into a letter, digit or slash; inside a punctuation run it is punctuation.
    expect(shown(':)a (:b ;)/x http://x <33 !:)')).toEqual([
      'punct::', 'word:a', 'punct::', 'word:b', 'punct:;', 'word:x', 'word:http', 'punct::', 'word:x', 'word:33', 'punct:!:',
    ]);
    expect(shown('1.5a 2..5 3.')).toEqual(['word:1.5', 'word:a', 'word:2', 'punct:..', 'word:5', 'word:3', 'punct:.']);
  });

  it('gives the same tokens as the pattern on any ASCII line, tricky characters first', () => {
    const tricky = fc.constantFrom(...'0123456789.,\'@$:;=()-<3DPp|*[]!?/\\ aZ '.split(''));
    for (const unit of [tricky, 'binary-ascii'] as const) {
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 60 }), (line) => {
          expect(tokenizeAscii(line)).toStrictEqual(tokenizeByPattern(line));
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('hands a line to the pattern at its first wide character without changing any token', () => {
    // Wide characters that extend an ASCII token ("café", "2.5²", "don’t", ":)é", "?…") or change the length of the
    // lower-cased line ("İ").
    const mixed = fc.constantFrom(...'0123456789.,\'@$:;=()-<3Pp!? aZ'.split(''), 'é', '’', '…', '—', '²', '٣', 'İ', '😡', '\u0301');
    fc.assert(
      fc.property(fc.string({ unit: mixed, maxLength: 40 }), (line) => {
        expect(tokenize(line)).toStrictEqual(tokenizeByPattern(line));
        expect(tokenizeAscii(line) !== undefined).toBe(!/[^\x00-\x7f]/.test(line));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same tokens as the pattern on every line of the shared data, and scans its ASCII lines', () => {
    const differing: string[] = [];
    let lines = 0;
    let ascii = 0;
    for (const path of files(dataRoot)) {
      for (const line of linesOf(path)) {
        lines++;
        if (!same(line)) differing.push(line);
        if (tokenizeAscii(line) !== undefined) ascii++;
      }
    }
    expect(differing).toEqual([]);
    expect(lines).toBeGreaterThan(60_000);
    expect(ascii).toBeGreaterThan(lines / 2);
  });

  it('cuts long lines at MAX_TEXT_LENGTH as the pattern does', () => {
    const line = 'ok 2.5 :) '.repeat(MAX_TEXT_LENGTH / 5);
    expect(tokenizeAscii(line)).toStrictEqual(tokenizeByPattern(line));
    expect(tokenize(line).at(-1)!.end).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
  });
});
