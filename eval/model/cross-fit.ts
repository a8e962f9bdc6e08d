import { createDetector } from '@anchorwatch/engine';
import type { EvalSet, EvalStream } from '../stream.ts';
import { detectorSystem, engineSystem, type System } from '../systems.ts';
import { FOLDS, foldAssigner, isTrainingSet } from './folds.ts';
import { MODEL_OPTIONS, trainOn } from './train.ts';
import { trainingLines } from './training-lines.ts';

/**
 * The engine as the figures must see it: every line of a set the model learns from is scored by a model trained
 * without that line's fold (a session by a model that never saw the session); other sets by the shipped model.
 */
export function crossFittedEngine(sets: readonly EvalSet[]): System {
  const foldOf = foldAssigner(sets);
  const lines = trainingLines(sets, MODEL_OPTIONS.bits);
  const byFold: System[] = Array.from({ length: FOLDS }, (_, fold) => {
    const model = trainOn(lines, fold);
    return detectorSystem(`anchorwatch, fold ${fold} held out`, (catalog) => createDetector(catalog, { model }));
  });
  const setOf = new Map<EvalStream, EvalSet>();
  for (const set of sets) for (const stream of set.streams) setOf.set(stream, set);
  return {
    name: 'anchorwatch',
    run(stream) {
      const set = setOf.get(stream);
      if (!set || !isTrainingSet(set)) return engineSystem.run(stream);
      const pairs = new Set<string>();
      for (let fold = 0; fold < FOLDS; fold++) {
        const part = streamOfFold(stream, (event) => foldOf(set, event) === fold);
        if (part) for (const pair of byFold[fold]!.run(part)) pairs.add(pair);
      }
      return pairs;
    },
  };
}

/** The stream's lines of one fold, with every on-air change kept so context is unchanged; null when none. */
function streamOfFold(stream: EvalStream, inFold: (event: EvalStream['events'][number]) => boolean): EvalStream | null {
  const events = stream.events.filter((e) => e.type === 'product_on_air' || inFold(e));
  if (!events.some((e) => e.type !== 'product_on_air')) return null;
  const ids = new Set(events.map((e) => e.id));
  const gold = new Set([...stream.gold].filter((pair) => ids.has(pair.split('|')[0]!)));
  return { ...stream, events, gold };
}
