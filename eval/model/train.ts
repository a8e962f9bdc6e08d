import { trainLinearModel, type LinearModel, type Register, type TrainOptions } from '@anchorwatch/engine';
import type { EvalSet } from '../stream.ts';
import type { TrainingLine } from './training-lines.ts';

/**
 * The registers the model tells apart, each with its own weights over the shared ones. Host speech is the home of
 * transcript lines; the public sets are read as transcripts but are written prose, each of its own kind, so the
 * model learns them as their own registers and recognises a transcript line that reads like one. Thresholds: the
 * host's and chat's were chosen on the cross-fitted session figures (the highest English-session F1 keeping
 * pooled precision above 0.85); written prose flags at an even 0.5, its probability's own midpoint.
 */
export const REGISTERS: readonly Register[] = [
  { name: 'host speech', type: 'transcript', flagAt: 0.9 },
  { name: 'live chat', type: 'chat', flagAt: 0.7 },
  { name: 'social post', type: 'transcript', flagAt: 0.5 },
  { name: 'film review', type: 'transcript', flagAt: 0.5 },
  { name: 'restaurant review', type: 'transcript', flagAt: 0.5 },
];

/** The register of a training line, by its set and input type. */
export function registerOf(set: EvalSet, type: Register['type']): number {
  const name = set.kind === 'session' ? (type === 'chat' ? 'live chat' : 'host speech')
    : set.name.startsWith('tweets') ? 'social post'
    : set.name === 'imdb' ? 'film review'
    : 'restaurant review';
  return REGISTERS.findIndex((r) => r.name === name);
}

/**
 * The shipped model's settings: 2^16 hashed slots, 15 AdaGrad epochs, light L2 (ten times more on the shared
 * weights, so each register learns its own reading in its own weights). A transcript line is read as host speech
 * unless the host recognizer gives it under 0.1; from a stream's fifth transcript line on, each is read in the
 * register more than half of the stream's lines read as alone, else as host speech (the stream's voice). The
 * floor and the shared L2 were chosen like the thresholds, on the cross-fitted figures: the highest floor that
 * keeps English-session precision where it is with the voice (0.15 and 0.2 cost it); the figures move little
 * between voices of 1 and 20 lines.
 */
export const MODEL_OPTIONS: TrainOptions = {
  version: 'line-8',
  bits: 16,
  veto: 0.1,
  homeFloor: 0.1,
  voiceLines: 5,
  recognizerBits: 16,
  registers: REGISTERS,
  epochs: 15,
  learningRate: 0.3,
  l2: 1e-4,
  sharedL2: 1e-3,
  homeWeight: 2,
};

/** Trains on every line, or on every line outside `heldOutFold` (cross-fitting). */
export function trainOn(lines: readonly TrainingLine[], heldOutFold?: number): LinearModel {
  const kept = heldOutFold === undefined ? lines : lines.filter((l) => l.fold !== heldOutFold);
  return trainLinearModel(kept, MODEL_OPTIONS);
}
