import type { FeatureBuffer } from './feature-buffer.ts';

/** Reads a line's features and says how likely the line speaks negatively (0..1). */
export interface LineModel {
  /** Names the weights, for explanations ("line-2"). */
  readonly version: string;
  /** Hash width of the word features: `2^bits` slots. */
  readonly bits: number;
  readonly thresholds: Thresholds;
  probability(features: FeatureBuffer): number;
  /** The weight of one slot: a feature's share of the verdict is weight × value. */
  weight(index: number): number;
}

/**
 * How the model's probability meets the rules: below `veto` a line the rules flagged is cleared; at or above
 * `chat` / `transcript` a line the rules cleared is flagged. Host speech needs more: a host describing a product
 * uses words a reviewer would complain with ("no plastic smell", "slow juicer"), and host findings rank highest.
 */
export interface Thresholds {
  veto: number;
  chat: number;
  transcript: number;
}

/** A trained model as it is stored: weights quantised to 16 bits and base64-encoded. */
export interface StoredModel {
  version: string;
  bits: number;
  thresholds: Thresholds;
  /** Weight = int16 × scale. */
  scale: number;
  weights: string;
  /** What it was trained on, by set and line count; the command that made it. */
  trainedOn: Record<string, number>;
  command: string;
}

/** Logistic regression over hashed features. */
export class LinearModel implements LineModel {
  readonly version: string;
  readonly bits: number;
  readonly thresholds: Thresholds;
  readonly #weights: Float32Array;

  constructor(version: string, bits: number, thresholds: Thresholds, weights: Float32Array) {
    this.version = version;
    this.bits = bits;
    this.thresholds = thresholds;
    this.#weights = weights;
  }

  /** Rebuilds a model from its stored form. */
  static decode(stored: StoredModel): LinearModel {
    // A copy: Buffer.from may place the bytes at an odd offset of a shared pool, where no Int16Array can start.
    const quantised = new Int16Array(Uint8Array.from(Buffer.from(stored.weights, 'base64')).buffer);
    const weights = new Float32Array(1 << stored.bits);
    for (let i = 0; i < weights.length && i < quantised.length; i++) weights[i] = quantised[i]! * stored.scale;
    return new LinearModel(stored.version, stored.bits, stored.thresholds, weights);
  }

  /** The stored form: every weight rounded to one of 65,535 steps of the largest. */
  encode(trainedOn: Record<string, number>, command: string): StoredModel {
    let largest = 0;
    for (const w of this.#weights) largest = Math.max(largest, Math.abs(w));
    const scale = largest === 0 ? 1 : largest / 32767;
    const quantised = new Int16Array(this.#weights.length);
    for (let i = 0; i < quantised.length; i++) quantised[i] = Math.round(this.#weights[i]! / scale);
    const weights = Buffer.from(quantised.buffer, quantised.byteOffset, quantised.byteLength).toString('base64');
    return { version: this.version, bits: this.bits, thresholds: this.thresholds, scale, weights, trainedOn, command };
  }

  probability(features: FeatureBuffer): number {
    return 1 / (1 + Math.exp(-logit(this.#weights, features)));
  }

  weight(index: number): number {
    return this.#weights[index] ?? 0;
  }
}

/** One labelled line for training. */
export interface Example {
  features: FeatureBuffer;
  negative: boolean;
  /** How many times the example counts (1 when absent). */
  weight?: number;
}

/** Training knobs; the defaults made the shipped model. */
export interface TrainOptions {
  version: string;
  bits: number;
  thresholds: Thresholds;
  epochs?: number;
  learningRate?: number;
  l2?: number;
}

/**
 * Fits a logistic regression with AdaGrad, visiting the examples in the order given for a fixed number of epochs:
 * the same examples give the same weights, so a committed script reproduces the shipped model exactly.
 */
export function trainLinearModel(examples: readonly Example[], options: TrainOptions): LinearModel {
  const { bits, epochs = 15, learningRate = 0.3, l2 = 1e-4 } = options;
  const weights = new Float64Array(1 << bits);
  const squares = new Float64Array(1 << bits);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const example of examples) {
      const { index, value, count } = example.features;
      const error = ((1 / (1 + Math.exp(-logit(weights, example.features)))) - (example.negative ? 1 : 0)) * (example.weight ?? 1);
      for (let i = 0; i < count; i++) {
        const slot = index[i]!;
        const gradient = error * value[i]! + l2 * weights[slot]!;
        squares[slot]! += gradient * gradient;
        weights[slot]! -= (learningRate * gradient) / Math.sqrt(squares[slot]! + 1e-8);
      }
    }
  }
  return new LinearModel(options.version, bits, options.thresholds, Float32Array.from(weights));
}

function logit(weights: Float32Array | Float64Array, features: FeatureBuffer): number {
  const { index, value, count } = features;
  let z = 0;
  for (let i = 0; i < count; i++) z += weights[index[i]!]! * value[i]!;
  return z;
}
