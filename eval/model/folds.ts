import type { IngestEvent } from '@anchorwatch/schemas';
import { fnv1a } from '@anchorwatch/engine';
import type { EvalSet } from '../stream.ts';

/** Cross-fitting folds: each line is scored by a model trained without its fold. */
export const FOLDS = 6;

// The headline aspect set stays unseen: the model never trains on it, so its figure needs no cross-fitting.
const NEVER_TRAINED = new Set(['restaurants test (aspects)']);

/** True for the sets the line model learns from: the English sessions and English public sets. */
export const isTrainingSet = (set: EvalSet): boolean => set.language === 'en' && !NEVER_TRAINED.has(set.name);

/**
 * Assigns folds: a whole session to one fold (sessions take turns, so a model is checked on a session it never
 * saw), and each line of a public set by a hash of its text (the same sentence always lands in the same fold).
 */
export function foldAssigner(sets: readonly EvalSet[]): (set: EvalSet, event: IngestEvent) => number {
  const sessionFold = new Map<string, number>();
  sets.filter((s) => s.kind === 'session' && isTrainingSet(s)).map((s) => s.name).sort()
    .forEach((name, i) => sessionFold.set(name, i % FOLDS));
  return (set, event) => sessionFold.get(set.name) ?? ('text' in event ? fnv1a(event.text) % FOLDS : 0);
}
