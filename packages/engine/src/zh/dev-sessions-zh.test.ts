import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { catalog as catalogSchema, ingestEvent } from '@anchorwatch/schemas';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../create-detector.ts';
import { detectStream } from '../detect-stream.ts';

// Tests may touch the disk; the engine may not. Sessions live beside the repository (shared/README.md).
const repoRoot = resolve(import.meta.dirname, '../../../..');
const dataRoot = process.env.ANCHORWATCH_SHARED_DATA ?? resolve(repoRoot, '../shared/data');

const readJsonl = (path: string): unknown[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);

/** Stream second 0 as the session's README states it ("chat `ts` = <start> + seconds"). */
function sessionStart(dir: string): number {
  const readme = readFileSync(join(dir, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  const stated = /`ts` = (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) \+ seconds/.exec(readme)?.[1];
  expect(stated, `${dir}: README states no stream start`).toBeDefined();
  return Date.parse(stated!);
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

const f1 = ({ tp, fp, fn }: Tally): number => (2 * tp) / (2 * tp + fp + fn);

/** Scores one session's negative (event, product) pairs with the language left on 'auto'. */
function scoreSession(dir: string): Tally {
  const catalog = catalogSchema.parse(JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')));
  const events = readJsonl(join(dir, 'events.jsonl')).map((e) => ingestEvent.parse(e));
  const labels = readJsonl(join(dir, 'labels.jsonl')) as { eventId: string; negative: string[] }[];
  const gold = new Set(labels.flatMap((l) => l.negative.map((productId) => `${l.eventId}|${productId}`)));
  const findings = detectStream(createDetector(catalog), events, { startedAtMs: sessionStart(dir) });
  const found = new Set(findings.map((f) => `${f.eventId}|${f.productId}`));
  const tp = [...found].filter((pair) => gold.has(pair)).length;
  return { tp, fp: found.size - tp, fn: gold.size - tp };
}

describe('Chinese live-commerce dev sessions', () => {
  it('finds negative mentions above floors per session and pooled', () => {
    expect(existsSync(dataRoot), `shared data not found at ${dataRoot}`).toBe(true);
    const sessions = readdirSync(dataRoot).filter((name) => /^livecommerce-zh-dev(-\d+)?$/.test(name)).sort();
    expect(sessions.length).toBeGreaterThanOrEqual(6);
    const pooled: Tally = { tp: 0, fp: 0, fn: 0 };
    for (const name of sessions) {
      const tally = scoreSession(join(dataRoot, name));
      console.log(`${name}: tp ${tally.tp} fp ${tally.fp} fn ${tally.fn} F1 ${f1(tally).toFixed(3)}`);
      // Every session on its own clears a lower floor: no session may be given up for the pooled figure.
      expect(f1(tally), name).toBeGreaterThanOrEqual(0.76);
      pooled.tp += tally.tp;
      pooled.fp += tally.fp;
      pooled.fn += tally.fn;
    }
    const precision = pooled.tp / (pooled.tp + pooled.fp);
    const recall = pooled.tp / (pooled.tp + pooled.fn);
    console.log(`zh pooled: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f1(pooled).toFixed(3)}`);
    // Measured 0.958 / 0.855 / 0.904; the floors sit a little below so only a real regression fails.
    expect(precision).toBeGreaterThanOrEqual(0.93);
    expect(recall).toBeGreaterThanOrEqual(0.83);
    expect(f1(pooled)).toBeGreaterThanOrEqual(0.88);
  });
});
