import { createDetector, detectStream, type LineModel } from '@anchorwatch/engine';
import type { EvalSet, EvalStream } from '../stream.ts';
import { pairKey } from '../stream.ts';
import type { System } from '../systems.ts';
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
  const models: LineModel[] = Array.from({ length: FOLDS }, (_, fold) => trainOn(lines, fold));
  const bySet = new Map(sets.map((s) => [s, isTrainingSet(s)]));
  const setOf = new Map<EvalStream, EvalSet>();
  for (const set of sets) for (const stream of set.streams) setOf.set(stream, set);
  return {
    name: 'anchorwatch',
    run(stream) {
      const set = setOf.get(stream);
      if (!set || !bySet.get(set)) return findPairs(stream, undefined);
      const pairs = new Set<string>();
      for (let fold = 0; fold < FOLDS; fold++) {
        const part = streamOfFold(stream, (event) => foldOf(set, event) === fold);
        if (part) for (const pair of findPairs(part, models[fold]!)) pairs.add(pair);
      }
      return pairs;
    },
  };
}

function findPairs(stream: EvalStream, model: LineModel | undefined): Set<string> {
  const detector = createDetector(stream.catalog, model ? { model } : {});
  const findings = detectStream(detector, stream.events, { startedAtMs: stream.startedAtMs });
  return new Set(findings.map((f) => pairKey(f.eventId, f.productId)));
}

/** The stream's lines of one fold, with every on-air change kept so context is unchanged; null when none. */
function streamOfFold(stream: EvalStream, inFold: (event: EvalStream['events'][number]) => boolean): EvalStream | null {
  const events = stream.events.filter((e) => e.type === 'product_on_air' || inFold(e));
  if (!events.some((e) => e.type !== 'product_on_air')) return null;
  const ids = new Set(events.map((e) => e.id));
  const gold = new Set([...stream.gold].filter((pair) => ids.has(pair.split('|')[0]!)));
  return { ...stream, events, gold };
}
