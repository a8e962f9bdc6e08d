import { addCounts, countPairs, figuresOf, type Counts, type Figures } from './scoring.ts';
import type { System } from './systems.ts';
import type { EvalSet } from './stream.ts';

/** One row of the report: a set (or a pool of sets) and each system's figures on it. */
export interface ResultRow {
  set: string;
  /** `session`, `pooled` (sessions of one language) or `public`. */
  kind: 'session' | 'pooled' | 'public';
  language: string;
  gold: number;
  bySystem: Record<string, Figures>;
}

/** Runs every system on every set; adds one pooled row per language of sessions. */
export function evaluate(sets: readonly EvalSet[], systems: readonly System[]): ResultRow[] {
  const rows: ResultRow[] = [];
  const pools = new Map<string, { gold: number; counts: Map<string, Counts> }>();
  for (const set of sets) {
    const gold = set.streams.reduce((n, s) => n + s.gold.size, 0);
    const bySystem: Record<string, Figures> = {};
    for (const system of systems) {
      let counts: Counts = { tp: 0, fp: 0, fn: 0 };
      for (const stream of set.streams) counts = addCounts(counts, countPairs(system.run(stream), stream.gold));
      bySystem[system.name] = figuresOf(counts);
      if (set.kind === 'session') {
        const pool = pools.get(set.language) ?? { gold: 0, counts: new Map<string, Counts>() };
        pools.set(set.language, pool);
        pool.counts.set(system.name, addCounts(pool.counts.get(system.name) ?? { tp: 0, fp: 0, fn: 0 }, counts));
      }
    }
    if (set.kind === 'session') pools.get(set.language)!.gold += gold;
    rows.push({ set: set.name, kind: set.kind, language: set.language, gold, bySystem });
  }
  for (const [language, pool] of pools) {
    const bySystem: Record<string, Figures> = {};
    for (const [name, counts] of pool.counts) bySystem[name] = figuresOf(counts);
    rows.push({ set: `livecommerce ${language} pooled`, kind: 'pooled', language, gold: pool.gold, bySystem });
  }
  return rows;
}
