import { createDetector, fnv1a, type Example, type FeatureBuffer, type LineModel, type LineReading } from '@anchorwatch/engine';
import { eachLine } from '../each-line.ts';
import type { EvalSet } from '../stream.ts';
import { foldAssigner, isTrainingSet } from './folds.ts';
import { registerOf } from './train.ts';

// Sessions hold ~1,000 of ~8,400 lines; counted this many times they weigh about as much as a public set.
const SESSION_WEIGHT = 3;

/** A labelled line with the model's inputs, its set and its cross-fitting fold. */
export interface TrainingLine extends Example {
  set: string;
  fold: number;
  /** Orders training: a hash, so sets interleave the same way on every run. */
  order: number;
  /** Live-commerce lines count more: they are what the product reads. */
  weight: number;
}

/**
 * Stands in for the model while the detector reads a line, keeping the features it was given; answering 0 ends
 * the line there, before any attribution work.
 */
class FeatureRecorder implements LineModel {
  readonly version = 'recorder';
  // A probability of 0 is below every threshold: the detector stops at the model, before attribution.
  readonly veto = 1;
  readonly registers = [{ name: 'any', type: 'transcript', flagAt: 1 }, { name: 'any', type: 'chat', flagAt: 1 }] as const;
  readonly bits: number;
  last: FeatureBuffer | null = null;
  constructor(bits: number) {
    this.bits = bits;
  }
  read(features: FeatureBuffer): LineReading {
    // The detector reuses its buffer for the next line: keep a copy.
    this.last = features.snapshot();
    return { probability: 0, register: 0 };
  }
  readAtHome(features: FeatureBuffer): LineReading {
    return this.read(features);
  }
  weight(): number {
    return 0;
  }
}

/**
 * Reads every line of the training sets through the engine's rules, as the worker would (same on-air product,
 * same speaker type), and pairs the model's inputs with the label: negative when the line speaks negatively of
 * any product in the catalogue (a complaint about something else, "my doordash driver dropped my food", is no
 * alert, so it is not), and the line's register.
 */
export function trainingLines(sets: readonly EvalSet[], bits: number): TrainingLine[] {
  const foldOf = foldAssigner(sets);
  const lines: TrainingLine[] = [];
  for (const set of sets.filter(isTrainingSet)) {
    for (const stream of set.streams) {
      const recorder = new FeatureRecorder(bits);
      const detector = createDetector(stream.catalog, { model: recorder, language: 'en' });
      const negativeEvents = new Set([...stream.gold].map((pair) => pair.split('|')[0]));
      eachLine(stream, (event, onAir) => {
        recorder.last = null;
        const speaker = event.type === 'transcript' ? event.speaker : event.user;
        detector.detect({ eventId: event.id, type: event.type, text: event.text, speaker }, { onAirProductId: onAir });
        if (!recorder.last) return;
        lines.push({
          features: recorder.last,
          negative: negativeEvents.has(event.id),
          register: registerOf(set, event.type),
          set: set.name,
          fold: foldOf(set, event),
          order: fnv1a(`${set.name}|${event.id}`),
          weight: set.kind === 'session' ? SESSION_WEIGHT : 1,
        });
      });
    }
  }
  return lines.sort((a, b) => a.order - b.order);
}
