import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog as catalogSchema, ingestEvent } from '@anchorwatch/schemas';
import { pairKey, type EvalSet } from '../stream.ts';
import { readJsonl } from './read-jsonl.ts';

const DEFAULT_START = '2026-11-20T12:00:00Z';

/** Stream second 0 as the session README states it ("chat `ts` = <start> + seconds from stream start"). */
export function sessionStart(dir: string): number {
  const readmePath = join(dir, 'README.md');
  const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8').replace(/\s+/g, ' ') : '';
  const stated = /`ts` = (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z) \+ seconds/.exec(readme)?.[1];
  return Date.parse(stated ?? DEFAULT_START);
}

/** Loads one live-commerce session folder (catalog.json, events.jsonl, labels.jsonl) as a one-stream set. */
export function loadSession(dir: string, name: string): EvalSet {
  const catalog = catalogSchema.parse(JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')));
  const events = readJsonl(join(dir, 'events.jsonl')).map((e) => ingestEvent.parse(e));
  const labels = readJsonl(join(dir, 'labels.jsonl')) as { eventId: string; negative: string[]; note?: string }[];
  const gold = new Set(labels.flatMap((l) => l.negative.map((productId) => pairKey(l.eventId, productId))));
  const language = /-(zh)-/.exec(`${name}-`)?.[1] ?? 'en';
  return { name, language, kind: 'session', streams: [{ catalog, events, startedAtMs: sessionStart(dir), gold }] };
}

/** Every `livecommerce-*` folder under the data root, sorted by name. */
export function loadSessions(dataRoot: string): EvalSet[] {
  return readdirSync(dataRoot)
    .filter((name) => name.startsWith('livecommerce-') && existsSync(join(dataRoot, name, 'labels.jsonl')))
    .sort()
    .map((name) => loadSession(join(dataRoot, name), name));
}
