import { describe, expect, it } from 'vitest';
import { FeatureBuffer, FeatureKind } from './feature-buffer.ts';
import { LinearModel, type Register } from './linear-model.ts';
import { decodeWeights, encodeWeights } from './stored-weights.ts';
import { trainLinearModel, type Example, type TrainOptions } from './train-linear-model.ts';

/** A line with a bias (slot 0) and one feature of value 1 in each of `slots`. */
function line(...slots: number[]): FeatureBuffer {
  const buffer = new FeatureBuffer(2);
  buffer.push(0, 1, -1, -1, FeatureKind.summary);
  for (const slot of slots) buffer.push(slot, 1, 0, 0, FeatureKind.word);
  return buffer;
}

const registers: Register[] = [
  { name: 'host speech', type: 'transcript', flagAt: 0.9 },
  { name: 'live chat', type: 'chat', flagAt: 0.7 },
  { name: 'review', type: 'transcript', flagAt: 0.5 },
];
const [HOST, CHAT, REVIEW] = [0, 1, 2];
const options: TrainOptions = { version: 't', bits: 5, veto: 0.1, homeFloor: 0.2, recognizerBits: 5, voiceLines: 3, registers };

// Slot 1 marks a negative line, slot 2 a positive one; slot 3 is noise on both. Slot 4 ("no plastic smell") is
// negative in reviews and neutral in host speech; slot 5 is a word only hosts use, slot 6 one only reviewers use.
const examples: Example[] = Array.from({ length: 120 }, (_, i) => {
  const register = [HOST, CHAT, REVIEW][i % 3]!;
  const kind = Math.floor(i / 3) % 4;
  const own = register === HOST ? [5] : register === REVIEW ? [6] : [];
  if (kind === 0) return { features: line(1, ...own, ...(i % 5 === 0 ? [3] : [])), negative: true, register };
  if (kind === 1) return { features: line(2, ...own, ...(i % 5 === 0 ? [3] : [])), negative: false, register };
  return { features: line(4, ...own), negative: register === REVIEW, register };
});

describe('LinearModel', () => {
  it('learns which features mark a negative line, in every register', () => {
    const model = trainLinearModel(examples, options);
    for (const type of ['transcript', 'chat'] as const) {
      expect(model.read(line(1), type).probability).toBeGreaterThan(0.8);
      expect(model.read(line(2), type).probability).toBeLessThan(0.2);
    }
    expect(model.weight(1, HOST)).toBeGreaterThan(0);
    expect(Math.abs(model.weight(3, HOST))).toBeLessThan(Math.abs(model.weight(1, HOST)));
  });

  it('weighs a word by register: what a reviewer complains with, a host may describe with', () => {
    const model = trainLinearModel(examples, options);
    expect(model.weight(4, REVIEW)).toBeGreaterThan(0);
    expect(model.weight(4, HOST)).toBeLessThan(model.weight(4, REVIEW));
    expect(model.read(line(4, 6), 'transcript')).toMatchObject({ register: REVIEW });
    expect(model.read(line(4, 6), 'transcript').probability).toBeGreaterThan(0.5);
    expect(model.read(line(4, 5), 'transcript').probability).toBeLessThan(0.5);
  });

  it('reads a transcript line as host speech unless it looks unlike it; chat lines as chat', () => {
    const model = trainLinearModel(examples, options);
    expect(model.read(line(1, 5), 'transcript').register).toBe(HOST);
    expect(model.read(line(1, 6), 'transcript').register).toBe(REVIEW);
    // Nothing telling: the home register.
    expect(model.read(line(), 'transcript').register).toBe(HOST);
    expect(model.read(line(1, 6), 'chat').register).toBe(CHAT);
    // Read at home whatever it resembles.
    expect(model.readAtHome(line(1, 6), 'transcript').register).toBe(HOST);
  });

  it("reads a stream's transcript lines in the register most of them read as alone, once it has enough", () => {
    const model = trainLinearModel(examples, options);
    const voice = {};
    // A reviewer's stream: its first lines read alone, then every line as a review, even one with nothing telling.
    expect(model.read(line(1, 6), 'transcript', voice).register).toBe(REVIEW);
    expect(model.read(line(), 'transcript', voice).register).toBe(HOST);
    expect(model.read(line(2, 6), 'transcript', voice).register).toBe(REVIEW);
    expect(voice).toEqual({ 'host speech': 1, review: 2 });
    expect(model.read(line(1, 6), 'transcript', voice).register).toBe(REVIEW);
    expect(model.read(line(), 'transcript', voice).register).toBe(REVIEW);
    expect(voice).toEqual({ 'host speech': 2, review: 3 });
    // A host's stream reads a review-like line as host speech until more than half of its lines read as reviews.
    const host = { 'host speech': 3, review: 2 };
    expect(model.read(line(4, 6), 'transcript', host).register).toBe(HOST);
    expect(model.read(line(4, 6), 'transcript', host).register).toBe(REVIEW);
    // Chat has one register: nothing to count.
    const chat = {};
    expect(model.read(line(1, 6), 'chat', chat).register).toBe(CHAT);
    expect(chat).toEqual({});
  });

  it('trains deterministically and survives its stored form within quantisation error', () => {
    const a = trainLinearModel(examples, options);
    const b = trainLinearModel(examples, options);
    expect(a.encode({}, '')).toEqual(b.encode({}, ''));
    const stored = a.encode({ toy: 120 }, 'test');
    const decoded = LinearModel.decode(stored);
    expect(decoded.registers).toEqual(registers);
    expect([decoded.veto, decoded.homeFloor, decoded.recognizerBits, decoded.voiceLines]).toEqual([0.1, 0.2, 5, 3]);
    for (let r = 0; r < registers.length; r++) for (let i = 0; i < 32; i++) expect(decoded.weight(i, r)).toBeCloseTo(a.weight(i, r), 3);
    for (const slots of [[1, 5], [4, 6], [2]]) {
      expect(decoded.read(line(...slots), 'transcript').register).toBe(a.read(line(...slots), 'transcript').register);
    }
  });

  it('weighs an example counted several times like its copies', () => {
    const once = trainLinearModel([...examples, { features: line(3), negative: true, register: HOST, weight: 5 }], options);
    const plain = trainLinearModel(examples, options);
    expect(once.weight(3, HOST)).toBeGreaterThan(plain.weight(3, HOST));
  });
});

describe('stored weights', () => {
  it('round-trips dense and sparse vectors', () => {
    const sparse = new Float32Array(1 << 16);
    sparse[0] = 0.5;
    sparse[7] = -1.25;
    sparse[65_535] = 2;
    const dense = Float32Array.from({ length: 64 }, (_, i) => Math.sin(i));
    const zero = new Float32Array(16);
    expect(encodeWeights(sparse).dense).toBeUndefined();
    expect(encodeWeights(dense).dense).toBeDefined();
    for (const weights of [sparse, dense, zero]) {
      const back = decodeWeights(encodeWeights(weights), weights.length);
      for (let i = 0; i < weights.length; i++) expect(back[i]).toBeCloseTo(weights[i]!, 3);
    }
  });
});
