import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StoredModel } from '@anchorwatch/engine';
import { describe, expect, it } from 'vitest';
import { resolveDataRoot } from '../data-root.ts';
import { loadAllSets } from '../datasets/load-all.ts';
import { evaluate } from '../evaluate.ts';
import { crossFittedEngine } from './cross-fit.ts';
import { foldAssigner, FOLDS } from './folds.ts';
import { MODEL_OPTIONS, trainOn } from './train.ts';
import { trainingLines } from './training-lines.ts';

const sets = loadAllSets(resolveDataRoot(undefined));
const english = sets.filter((s) => s.kind === 'session' && s.language === 'en');

describe('the line model, cross-fitted', () => {
  it('gives each English session a fold of its own, so it is scored by a model that never saw it', () => {
    expect(english.length).toBeGreaterThanOrEqual(FOLDS);
    const foldOf = foldAssigner(sets);
    const folds = english.map((s) => new Set(s.streams[0]!.events.map((e) => foldOf(s, e))));
    for (const f of folds) expect(f.size).toBe(1);
    expect(new Set(folds.map((f) => [...f][0])).size).toBe(Math.min(english.length, FOLDS));
  });

  it('keeps pooled precision on sessions it did not train on above the floor', () => {
    const rows = evaluate(english, [crossFittedEngine(sets)]);
    const pooled = rows.find((r) => r.kind === 'pooled')!.bySystem.anchorwatch!;
    console.log(`English sessions, cross-fitted: P ${pooled.precision.toFixed(3)} R ${pooled.recall.toFixed(3)} F1 ${pooled.f1.toFixed(3)}`);
    // Measured 0.899 / 0.883 with rules-13 + line-7 and line-8 (line-6, each line read alone: 0.887 / 0.887; rules-3 + line-2:
    // 0.854 / 0.848; rules-3 alone: 0.871 / 0.837); the floor is P ≥ 0.85, F1 ≥ 0.80.
    expect(pooled.precision).toBeGreaterThanOrEqual(0.88);
    expect(pooled.recall).toBeGreaterThanOrEqual(0.86);
  });

  it('reads the public sets as the written prose they are, keeping their figures above floors', () => {
    const written = sets.filter((s) => ['yelp', 'imdb', 'tweets (strict)'].includes(s.name));
    const rows = evaluate(written, [crossFittedEngine(sets)]);
    const f1 = Object.fromEntries(rows.filter((r) => r.kind === 'public').map((r) => [r.set, r.bySystem.anchorwatch!.f1]));
    console.log(`public sets, cross-fitted F1: ${JSON.stringify(f1)}`);
    // Measured with rules-24 + line-8 (each set's streams read in their voice): yelp .870, imdb .852, tweets .9463
    // (rules-17: tweets .9458; rules-15: .869, .851, .9462; rules-13 + line-8: .869, .850, .938);
    // line-6, each line read alone: .849, .815, .924; line-2, reading them as host speech: .782, .762, .867.
    expect(f1.yelp).toBeGreaterThanOrEqual(0.85);
    expect(f1.imdb).toBeGreaterThanOrEqual(0.845);
    // The targets: imdb ≥ .845 (best peer + .10), tweets ≥ .946 (VADER's .976 − .03). Tweets sits on its
    // target (a retrain moves it by a line, ±.0004): a change that loses that line fails here, on purpose.
    expect(f1['tweets (strict)']).toBeGreaterThanOrEqual(0.946);
  });

  it('scores the restaurant aspects it never trained on above their target with the shipped model', () => {
    const test = sets.filter((s) => s.name === 'restaurants test (aspects)');
    const [row] = evaluate(test, [crossFittedEngine(sets)]).filter((r) => r.kind === 'public');
    // Measured .681 with rules-13 + line-8 (line-6: .672); the target is the best peer's .576 + .10.
    expect(row!.bySystem.anchorwatch!.f1).toBeGreaterThanOrEqual(0.676);
  });

  it('is reproduced exactly by `npm run train` from the data', () => {
    const shipped = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../packages/engine/src/model/shipped-model.json'), 'utf8')) as StoredModel;
    const retrained = trainOn(trainingLines(sets, MODEL_OPTIONS.bits)).encode({}, '');
    expect(retrained.shared).toEqual(shipped.shared);
    expect(retrained.registers).toEqual(shipped.registers);
    expect(retrained.veto).toBe(shipped.veto);
    expect(retrained.voiceLines).toBe(shipped.voiceLines);
    expect(retrained.homeFloor).toBe(shipped.homeFloor);
    expect(shipped.version).toBe(MODEL_OPTIONS.version);
  });
});
