// Detector throughput on one core: the engine with a 1,000-product × 5-alias catalogue and 200 keyword rules,
// next to vader-sentiment and the bare AFINN `sentiment` package on the same lines in the same run; time per
// event from 10 to 10,000 products; heap and RSS for the 10,000-product detector.
import { createRequire } from 'node:module';
import os from 'node:os';
import { createDetector, DEFAULT_RULES, type DetectInput, type Detector } from '@anchorwatch/engine';
import type { Catalog, IngestEvent } from '@anchorwatch/schemas';
import Sentiment from 'sentiment';
import { generateCatalog, generateLines, generateRules } from './support/detector-corpus.ts';
import { fmt } from './support/stats.ts';

const LINES = 20_000;
const ROUNDS = 7;
const RULES = 200;
const SIZES = [10, 100, 1_000, 10_000];

// vader-sentiment ships no types; this is the one call the benchmark makes.
const vader = createRequire(import.meta.url)('vader-sentiment') as {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
};

interface Line {
  input: DetectInput;
  onAir: string | null;
}

const toLines = (events: IngestEvent[], catalog: Catalog): Line[] =>
  events.flatMap((e, i) =>
    e.type === 'product_on_air' ? [] : [{
      input: { eventId: e.id, type: e.type, text: e.text, speaker: e.type === 'chat' ? e.user : e.speaker },
      onAir: catalog.products[(i * 7) % catalog.products.length]!.id,
    }],
  );

interface Rate {
  perSecond: number;
  nsPerEvent: number;
}

/**
 * One timed pass of `fn` over every line (after the caller's warm-up), in milliseconds of this process's CPU time:
 * on a shared machine, wall time also counts the time other processes held the core.
 */
function pass(lines: Line[], fn: (line: Line) => number): number {
  let sink = 0;
  const start = process.cpuUsage();
  for (const line of lines) sink += fn(line);
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  if (sink < 0) throw new Error('unreachable: keeps the work observable');
  return ms;
}

/**
 * Median rate of several systems measured in interleaved rounds (one warm-up pass each, then ROUNDS passes in
 * turn), so a noisy neighbour slows every system alike instead of whichever ran during the noise.
 */
function interleaved(systems: { lines: Line[]; fn: (line: Line) => number }[]): Rate[] {
  for (const s of systems) pass(s.lines, s.fn);
  const times = systems.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    systems.forEach((s, i) => times[i]!.push(pass(s.lines, s.fn) / s.lines.length));
  }
  return times.map((t) => {
    const ms = t.sort((a, b) => a - b)[t.length >> 1]!;
    return { perSecond: 1000 / ms, nsPerEvent: ms * 1e6 };
  });
}

/** Reads the lines as one stream, as the worker reads a session's: its transcript lines counted in one voice. */
function runDetector(detector: Detector): (line: Line) => number {
  const voice = {};
  return (l) => detector.detect(l.input, { onAirProductId: l.onAir, voice }).length;
}
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => fmt(bytes / 1024 / 1024, 1);

export async function main(): Promise<void> {
  const rules = [...DEFAULT_RULES, ...generateRules(RULES)];
  process.stdout.write(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString()}\n`);

  // Memory first, on a clean heap: the 10,000-product detector with its rules.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const big = createDetector(generateCatalog(10_000), { rules });
  gc();
  const memory = process.memoryUsage();
  process.stdout.write(
    `memory, 10,000 products × 5 aliases + ${rules.length} rules: detector ${mb(memory.heapUsed - heapBefore)} MB heap; ` +
      `process heap ${mb(memory.heapUsed)} MB, RSS ${mb(memory.rss)} MB${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for exact heap)'}\n`,
  );
  // A Chinese line builds the Chinese mention index (character and pinyin tries) over the same catalogue.
  big.detect({ eventId: 'zh', type: 'chat', text: '这个真的太坑了', speaker: 'viewer' }, { onAirProductId: null });
  gc();
  const withChinese = process.memoryUsage();
  process.stdout.write(
    `memory after a first Chinese line: detector ${mb(withChinese.heapUsed - heapBefore)} MB heap; RSS ${mb(withChinese.rss)} MB\n`,
  );

  const catalog = generateCatalog(1_000);
  const lines = toLines(generateLines(catalog, LINES), catalog);
  const withRules = runDetector(createDetector(catalog, { rules }));
  const afinn = new Sentiment();
  const [engine, bare, afinnRun] = interleaved([
    { lines, fn: withRules },
    { lines, fn: runDetector(createDetector(catalog)) },
    { lines, fn: (l) => afinn.analyze(l.input.text).score },
  ]) as [Rate, Rate, Rate];
  // VADER is ~20× slower: it reads a tenth of the lines, in the same rounds scheme.
  const [vaderRun] = interleaved([
    { lines: lines.slice(0, LINES / 10), fn: (l) => vader.SentimentIntensityAnalyzer.polarity_scores(l.input.text).compound },
  ]) as [Rate];
  const flagged = lines.filter((l) => withRules(l) > 0).length;

  process.stdout.write(`\n1,000 products × 5 aliases, ${rules.length} rules, ${fmt(LINES)} generated lines (${fmt((flagged / lines.length) * 100, 1)}% flagged), one core, CPU time, median of ${ROUNDS} interleaved rounds\n`);
  process.stdout.write('| system | events/s | µs/event | engine ÷ system |\n|---|---|---|---|\n');
  for (const [name, r] of [
    ['anchorwatch engine + rules', engine],
    ['anchorwatch engine, no merchant rules', bare],
    ['vader-sentiment', vaderRun],
    ['sentiment (bare AFINN)', afinnRun],
  ] as const) {
    process.stdout.write(`| ${name} | ${fmt(r.perSecond)} | ${fmt(r.nsPerEvent / 1000, 2)} | ${fmt(engine.perSecond / r.perSecond, 2)} |\n`);
  }

  // Two views of size: lines naming products across the whole catalogue (realistic), and the same lines for every
  // size, naming only the first 10 products (generated catalogues share their first products), which isolates the
  // cost of the lookup structures from that of touching more of them.
  process.stdout.write(`\ntime per event by catalogue size (5 aliases per product, ${rules.length} rules, CPU time)\n`);
  process.stdout.write('| products | µs/event, lines name any product | ÷ 10 products | µs/event, same lines for every size | ÷ 10 products |\n|---|---|---|---|---|\n');
  const catalogs = SIZES.map((size) => generateCatalog(size));
  const sameLines = toLines(generateLines(catalogs[0]!, LINES), catalogs[0]!);
  const detectors = catalogs.map((c) => runDetector(createDetector(c, { rules })));
  const spread = interleaved(catalogs.map((c, i) => ({ lines: toLines(generateLines(c, LINES), c), fn: detectors[i]! })));
  const same = interleaved(detectors.map((fn) => ({ lines: sameLines, fn })));
  SIZES.forEach((size, i) => {
    const row = [spread[i]!.nsPerEvent / 1000, spread[i]!.nsPerEvent / spread[0]!.nsPerEvent, same[i]!.nsPerEvent / 1000, same[i]!.nsPerEvent / same[0]!.nsPerEvent];
    process.stdout.write(`| ${fmt(size)} | ${row.map((x) => fmt(x, 2)).join(' | ')} |\n`);
  });
  process.stdout.write(`load average at the end: ${os.loadavg().map((l) => fmt(l, 1)).join(', ')} (${os.cpus().length} cores)\n`);
}
