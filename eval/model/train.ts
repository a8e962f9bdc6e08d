import { trainLinearModel, type LinearModel, type TrainOptions } from '@anchorwatch/engine';
import type { TrainingLine } from './training-lines.ts';

/**
 * The shipped model's settings: 2^16 hashed slots, 15 AdaGrad epochs, light L2. The thresholds were chosen on the
 * cross-fitted figures (`npm run eval`): the highest English-session F1 keeping their pooled precision above 0.85.
 */
export const MODEL_OPTIONS: TrainOptions = {
  version: 'line-2',
  bits: 16,
  thresholds: { veto: 0.1, chat: 0.7, transcript: 0.9 },
  epochs: 15,
  learningRate: 0.3,
  l2: 1e-4,
};

/** Trains on every line, or on every line outside `heldOutFold` (cross-fitting). */
export function trainOn(lines: readonly TrainingLine[], heldOutFold?: number): LinearModel {
  const kept = heldOutFold === undefined ? lines : lines.filter((l) => l.fold !== heldOutFold);
  return trainLinearModel(kept, MODEL_OPTIONS);
}
