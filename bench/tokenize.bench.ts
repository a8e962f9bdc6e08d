// Tokenizer cost per line: `tokenize` (ASCII scan, pattern from the first wide character) next to the Unicode pattern
// alone, on the detector benchmark's generated lines and on the English and Chinese dev sessions' lines.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
// Not part of the engine's public surface: the benchmark reaches the module directly, as its tests do.
import { tokenize, tokenizeByPattern, type Token } from '../packages/engine/src/tokenize.ts';
import { generateCatalog, generateLines } from './support/detector-corpus.ts';
import { fmt } from './support/stats.ts';

const dataRoot = resolve(import.meta.dirname, '../../shared/data');
const ROUNDS = 9;
const PASSES = 5;

function sessionLines(pattern: RegExp): string[] {
  return readdirSync(dataRoot)
    .filter((name) => pattern.test(name))
    .flatMap((name) =>
      readFileSync(join(dataRoot, name, 'events.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (JSON.parse(l) as { text?: string }).text ?? ''),
    );
}

/** CPU milliseconds of PASSES passes of `fn` over `lines` (bounded: a fixed number of passes). */
function pass(lines: string[], fn: (text: string) => Token[]): number {
  let sink = 0;
  const start = process.cpuUsage();
  for (let p = 0; p < PASSES; p++) for (const line of lines) sink += fn(line).length;
  const used = process.cpuUsage(start);
  if (sink < 0) throw new Error('unreachable: keeps the work observable');
  return (used.user + used.system) / 1000;
}

/** Median ns per line of each function, measured in interleaved rounds after one warm-up pass each. */
function interleaved(lines: string[], fns: ((text: string) => Token[])[]): number[] {
  for (const fn of fns) pass(lines, fn);
  const times = fns.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) fns.forEach((fn, i) => times[i]!.push(pass(lines, fn)));
  return times.map((t) => (t.sort((a, b) => a - b)[t.length >> 1]! * 1e6) / (lines.length * PASSES));
}

export async function main(): Promise<void> {
  process.stdout.write(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString()}\n`);
  const catalog = generateCatalog(1_000);
  const corpora: [string, string[]][] = [
    ['detector benchmark lines (generated)', generateLines(catalog, 20_000).flatMap((e) => (e.type === 'product_on_air' ? [] : [e.text]))],
    ['English dev sessions', sessionLines(/^livecommerce-dev/)],
    ['Chinese dev sessions', sessionLines(/^livecommerce-zh-dev/)],
  ];
  process.stdout.write(`CPU time per line, median of ${ROUNDS} interleaved rounds of ${PASSES} passes\n`);
  process.stdout.write('| lines | count | mean chars | pure ASCII | pattern alone, ns/line | tokenize, ns/line | pattern ÷ tokenize |\n|---|---|---|---|---|---|---|\n');
  for (const [name, lines] of corpora) {
    const chars = lines.reduce((sum, l) => sum + l.length, 0) / lines.length;
    const ascii = lines.filter((l) => !/[^\x00-\x7f]/.test(l)).length / lines.length;
    const [pattern, scan] = interleaved(lines, [tokenizeByPattern, tokenize]) as [number, number];
    process.stdout.write(`| ${name} | ${fmt(lines.length)} | ${fmt(chars, 1)} | ${fmt(ascii * 100, 0)}% | ${fmt(pattern)} | ${fmt(scan)} | ${fmt(pattern / scan, 2)} |\n`);
  }
  process.stdout.write(`load average at the end: ${os.loadavg().map((l) => fmt(l, 1)).join(', ')} (${os.cpus().length} cores)\n`);
}
