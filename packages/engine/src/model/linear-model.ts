import type { Voice } from '@anchorwatch/schemas';
import type { FeatureBuffer } from './feature-buffer.ts';
import { decodeWeights, encodeWeights, type StoredWeights } from './stored-weights.ts';

/**
 * A register: a kind of text whose words the model weighs on their own ("no plastic smell" is a spec in a host's
 * speech and a complaint in a review; "sick" praises in chat). Each register has weights added to the shared
 * ones, and its own threshold for flagging a line the rules cleared.
 */
export interface Register {
  name: string;
  /** The input type whose lines may be read in this register. */
  type: 'transcript' | 'chat';
  /**
   * At or above this probability a line the rules cleared is flagged. Host speech needs most: a host describing a
   * product uses words a reviewer would complain with, and host findings rank highest.
   */
  flagAt: number;
}

/** What the model made of a line: how likely it speaks negatively, and the register it was read in. */
export interface LineReading {
  probability: number;
  /** Index into `LineModel.registers`. */
  register: number;
}

/** Reads a line's features and says how likely the line speaks negatively (0..1), and as what kind of text. */
export interface LineModel {
  /** Names the weights, for explanations ("line-3"). */
  readonly version: string;
  /** Hash width of the word features: `2^bits` slots. */
  readonly bits: number;
  /** Below this probability a line the rules flagged is cleared, in every register. */
  readonly veto: number;
  readonly registers: readonly Register[];
  /**
   * Reads a line. With its stream's `voice`, counts the line in it (as the register it reads as alone) and, once
   * the stream has `voiceLines`, reads it in the register more than half of them read as, else in the home.
   */
  read(features: FeatureBuffer, type: Register['type'], voice?: Voice): LineReading;
  /** Reads a line in its type's home register (host speech for a transcript), whatever it resembles. */
  readAtHome(features: FeatureBuffer, type: Register['type']): LineReading;
  /** The weight of one slot when read in `register`: a feature's share of the verdict is weight × value. */
  weight(index: number, register: number): number;
}

/** A trained model as it is stored: its settings, and each head's weights quantised to 16 bits (`stored-weights.ts`). */
export interface StoredModel extends Omit<ModelSettings, 'registers'> {
  shared: StoredWeights;
  registers: (Register & { weights: StoredWeights; recognizer?: StoredWeights })[];
  /** What it was trained on, by set and line count; the command that made it. */
  trainedOn: Record<string, number>;
  command: string;
}

/** A model's settings apart from its weights. */
export interface ModelSettings {
  version: string;
  bits: number;
  veto: number;
  /**
   * The first register of a type is its home (host speech for transcripts): a line is read there unless the
   * home's recognizer gives it less than this probability, and then in the other register it resembles most.
   */
  homeFloor: number;
  /**
   * Hash width of the recognizers: a feature's slot folded to `2^recognizerBits`. Narrower tables store smaller;
   * measured, 2^10–2^14 cost English-session precision, so the shipped model keeps the full width.
   */
  recognizerBits: number;
  /**
   * From this many lines of a stream's type on, a line is read in the stream's voice: the register more than half
   * of them read as alone, else the home; before, each line is read on its own.
   */
  voiceLines: number;
  registers: readonly Register[];
}

/**
 * Logistic regression over hashed features: weights shared by every register plus each register's own, and per
 * input type with several registers, a recognizer (one-vs-rest logistic) for each of them.
 */
export class LinearModel implements LineModel {
  readonly version: string;
  readonly bits: number;
  readonly veto: number;
  readonly homeFloor: number;
  readonly recognizerBits: number;
  readonly voiceLines: number;
  readonly registers: readonly Register[];
  readonly #settings: ModelSettings;
  readonly #shared: Float32Array;
  readonly #own: readonly Float32Array[];
  /**
   * Shared plus own weights, register after register in one array (`weight` is one typed-array read), and a view of
   * each register's part: reading a line is one pass.
   */
  readonly #combined: Float32Array;
  readonly #views: readonly Float32Array[];
  readonly #recognizers: readonly (Float32Array | null)[];
  /** Register indices by input type, the home first. */
  readonly #byType: Record<Register['type'], readonly number[]>;

  constructor(settings: ModelSettings, shared: Float32Array, own: readonly Float32Array[], recognizers: readonly (Float32Array | null)[]) {
    this.version = settings.version;
    this.bits = settings.bits;
    this.veto = settings.veto;
    this.homeFloor = settings.homeFloor;
    this.recognizerBits = settings.recognizerBits;
    this.voiceLines = settings.voiceLines;
    this.registers = settings.registers;
    // Only the settings: training passes its knobs (epochs, rates) along, and they are no part of the model.
    const { version, bits, veto, homeFloor, recognizerBits, voiceLines, registers } = settings;
    this.#settings = { version, bits, veto, homeFloor, recognizerBits, voiceLines, registers };
    this.#shared = shared;
    this.#own = own;
    const size = 1 << settings.bits;
    this.#combined = new Float32Array(size * own.length);
    own.forEach((weights, r) => {
      for (let i = 0; i < size; i++) this.#combined[r * size + i] = weights[i]! + shared[i]!;
    });
    this.#views = own.map((_, r) => this.#combined.subarray(r * size, (r + 1) * size));
    this.#recognizers = recognizers;
    this.#byType = registersByType(settings.registers);
  }

  /** Rebuilds a model from its stored form. */
  static decode(stored: StoredModel): LinearModel {
    const { shared, registers: heads, ...rest } = stored;
    const { bits, recognizerBits } = rest;
    const registers = heads.map(({ name, type, flagAt }) => ({ name, type, flagAt }));
    return new LinearModel(
      { ...rest, registers },
      decodeWeights(shared, 1 << bits),
      stored.registers.map((r) => decodeWeights(r.weights, 1 << bits)),
      stored.registers.map((r) => (r.recognizer ? decodeWeights(r.recognizer, 1 << recognizerBits) : null)),
    );
  }

  /** The stored form. */
  encode(trainedOn: Record<string, number>, command: string): StoredModel {
    const { registers: _registers, ...settings } = this.#settings;
    return {
      ...settings,
      shared: encodeWeights(this.#shared),
      registers: this.registers.map((r, i) => {
        const recognizer = this.#recognizers[i];
        return { ...r, weights: encodeWeights(this.#own[i]!), ...(recognizer ? { recognizer: encodeWeights(recognizer) } : {}) };
      }),
      trainedOn,
      command,
    };
  }

  read(features: FeatureBuffer, type: Register['type'], voice?: Voice): LineReading {
    const alone = this.#registerOf(features, type);
    const register = voice ? this.#inVoice(voice, alone, type) : alone;
    return { probability: sigmoid(logit(this.#views[register]!, features)), register };
  }

  /** The register a line of `type` is read in: its home unless the line looks unlike it and like another. */
  #registerOf(features: FeatureBuffer, type: Register['type']): number {
    const candidates = this.#byType[type];
    const home = candidates[0] ?? 0;
    const mask = (1 << this.recognizerBits) - 1;
    if (candidates.length < 2 || sigmoid(foldedLogit(this.#recognizers[home]!, features, mask)) >= this.homeFloor) return home;
    let best = home;
    let bestLogit = -Infinity;
    for (let i = 1; i < candidates.length; i++) {
      const z = foldedLogit(this.#recognizers[candidates[i]!]!, features, mask);
      if (z > bestLogit) {
        bestLogit = z;
        best = candidates[i]!;
      }
    }
    return best;
  }

  readAtHome(features: FeatureBuffer, type: Register['type']): LineReading {
    const register = this.#byType[type][0] ?? 0;
    return { probability: sigmoid(logit(this.#views[register]!, features)), register };
  }

  /**
   * Counts a line that reads alone as `alone` in its stream's voice; returns the register to read it in: the home
   * unless most of the stream's lines (more than half) read as one other register.
   */
  #inVoice(voice: Voice, alone: number, type: Register['type']): number {
    const candidates = this.#byType[type];
    if (candidates.length < 2) return alone;
    const name = this.registers[alone]!.name;
    voice[name] = (voice[name] ?? 0) + 1;
    let lines = 0;
    let lead = candidates[0]!;
    let leadLines = 0;
    for (const r of candidates) {
      const n = voice[this.registers[r]!.name] ?? 0;
      lines += n;
      if (n > leadLines) {
        lead = r;
        leadLines = n;
      }
    }
    if (lines < this.voiceLines) return alone;
    return leadLines * 2 > lines ? lead : candidates[0]!;
  }

  weight(index: number, register: number): number {
    return this.#combined[(register << this.bits) + index] ?? 0;
  }
}

/** Register indices by input type, in the order listed (the first of a type is its home). */
export function registersByType(registers: readonly Register[]): Record<Register['type'], number[]> {
  const byType: Record<Register['type'], number[]> = { transcript: [], chat: [] };
  registers.forEach((r, i) => byType[r.type].push(i));
  return byType;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The dot product of a weight vector with a line's features. */
export function logit(weights: Float32Array | Float64Array, features: FeatureBuffer): number {
  const { index, value, count } = features;
  let z = 0;
  for (let i = 0; i < count; i++) z += weights[index[i]!]! * value[i]!;
  return z;
}

/** `logit` with every slot folded by `mask` (the recognizers' narrower table). */
export function foldedLogit(weights: Float32Array | Float64Array, features: FeatureBuffer, mask: number): number {
  const { index, value, count } = features;
  let z = 0;
  for (let i = 0; i < count; i++) z += weights[index[i]! & mask]! * value[i]!;
  return z;
}
