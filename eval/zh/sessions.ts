import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectStream, type Detector } from '@anchorwatch/engine';
import { catalog as catalogSchema, ingestEvent, type Catalog } from '@anchorwatch/schemas';

/** Counts and figures of the negative class over (event, product) pairs. */
export interface ZhFigures {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

const figures = (tp: number, fp: number, fn: number): ZhFigures => {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { tp, fp, fn, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
};

const readJsonl = (path: string): unknown[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);

/** The Chinese live-commerce session folders under a data root (`livecommerce-zh-*`), sorted. */
export const zhSessionNames = (dataRoot: string): string[] =>
  readdirSync(dataRoot)
    .filter((n) => n.startsWith('livecommerce-zh-'))
    .sort();

/** Scores one session folder with a detector built from its catalogue. */
export function scoreZhSession(dir: string, makeDetector: (catalog: Catalog) => Detector): ZhFigures {
  const readme = readFileSync(join(dir, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  const start = /`ts` = (\S+Z) \+ seconds/.exec(readme)?.[1] ?? '2026-11-20T12:00:00Z';
  const catalog = catalogSchema.parse(JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')));
  const events = readJsonl(join(dir, 'events.jsonl')).map((e) => ingestEvent.parse(e));
  const labels = readJsonl(join(dir, 'labels.jsonl')) as { eventId: string; negative: string[] }[];
  const gold = new Set(labels.flatMap((l) => l.negative.map((p) => `${l.eventId}|${p}`)));
  const found = new Set(detectStream(makeDetector(catalog), events, { startedAtMs: Date.parse(start) }).map((f) => `${f.eventId}|${f.productId}`));
  const tp = [...found].filter((k) => gold.has(k)).length;
  return figures(tp, found.size - tp, gold.size - tp);
}

/** Scores every Chinese session under `dataRoot`: per session and pooled. */
export function scoreZhSessions(
  dataRoot: string,
  makeDetector: (catalog: Catalog) => Detector,
): { sessions: Record<string, ZhFigures>; pooled: ZhFigures } {
  const sessions: Record<string, ZhFigures> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const name of zhSessionNames(dataRoot)) {
    const f = scoreZhSession(join(dataRoot, name), makeDetector);
    sessions[name] = f;
    tp += f.tp;
    fp += f.fp;
    fn += f.fn;
  }
  return { sessions, pooled: figures(tp, fp, fn) };
}
