import type { FeatureBuffer } from './feature-buffer.ts';
import { foldedLogit, LinearModel, logit, registersByType, sigmoid, type ModelSettings } from './linear-model.ts';

/** One labelled line for training. */
export interface Example {
  features: FeatureBuffer;
  negative: boolean;
  /** Index into the settings' registers: the kind of text the line is. */
  register: number;
  /** How many times the example counts (1 when absent). */
  weight?: number;
}

/** Training knobs; the defaults made the shipped model. */
export interface TrainOptions extends ModelSettings {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /**
   * L2 on the shared weights (`l2` when absent): stronger than the registers' own, so what a register reads its own
   * way is learnt in its own weights rather than bent into the shared ones.
   */
  sharedL2?: number;
  /**
   * How many times a home-register line counts when training the recognizers: host speech is the rarer kind in
   * training and the costlier one to mistake, so the recognizer leans towards it.
   */
  homeWeight?: number;
}

/**
 * Fits the shared and per-register weights jointly (logistic loss, AdaGrad), then one recognizer per register
 * for each input type that has several, visiting the examples in the order given for a fixed number of epochs:
 * the same examples give the same weights, so a committed script reproduces the shipped model exactly.
 */
export function trainLinearModel(examples: readonly Example[], options: TrainOptions): LinearModel {
  const { bits, recognizerBits, registers, epochs = 15, learningRate = 0.3, l2 = 1e-4, homeWeight = 2 } = options;
  const size = 1 << bits;
  const shared = new AdaGrad(size, learningRate, options.sharedL2 ?? l2);
  const own = registers.map(() => new AdaGrad(size, learningRate, l2));
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const example of examples) {
      const mine = own[example.register]!;
      const z = logit(shared.weights, example.features) + logit(mine.weights, example.features);
      const error = (sigmoid(z) - (example.negative ? 1 : 0)) * (example.weight ?? 1);
      shared.step(example.features, error);
      mine.step(example.features, error);
    }
  }
  const recognizers: (Float32Array | null)[] = registers.map(() => null);
  for (const candidates of Object.values(registersByType(registers))) {
    if (candidates.length < 2) continue;
    const home = candidates[0]!;
    const lines = examples.filter((e) => candidates.includes(e.register));
    for (const register of candidates) {
      const recognizer = new AdaGrad(1 << recognizerBits, learningRate, l2);
      const mask = (1 << recognizerBits) - 1;
      for (let epoch = 0; epoch < epochs; epoch++) {
        for (const example of lines) {
          const error = (sigmoid(foldedLogit(recognizer.weights, example.features, mask)) - (example.register === register ? 1 : 0)) * (example.register === home ? homeWeight : 1);
          recognizer.step(example.features, error, mask);
        }
      }
      recognizers[register] = Float32Array.from(recognizer.weights);
    }
  }
  return new LinearModel(options, Float32Array.from(shared.weights), own.map((o) => Float32Array.from(o.weights)), recognizers);
}

/** One weight vector and its AdaGrad state. */
class AdaGrad {
  readonly weights: Float64Array;
  readonly #squares: Float64Array;
  readonly #rate: number;
  readonly #l2: number;
  constructor(size: number, rate: number, l2: number) {
    this.weights = new Float64Array(size);
    this.#squares = new Float64Array(size);
    this.#rate = rate;
    this.#l2 = l2;
  }

  /** Moves the weights of the line's features (slots folded by `mask`) against the loss gradient `error × value` (plus L2). */
  step(features: FeatureBuffer, error: number, mask = -1): void {
    const { index, value, count } = features;
    for (let i = 0; i < count; i++) {
      const slot = index[i]! & mask;
      const gradient = error * value[i]! + this.#l2 * this.weights[slot]!;
      this.#squares[slot]! += gradient * gradient;
      this.weights[slot]! -= (this.#rate * gradient) / Math.sqrt(this.#squares[slot]! + 1e-8);
    }
  }
}
