/**
 * One weight vector as stored: each weight rounded to one of 65,535 steps of the largest (weight = int16 × scale),
 * base64-encoded. Dense when most slots are set; otherwise only the set slots, as gaps between them (a register's
 * own weights touch the few thousand slots its lines use, of 65,536).
 */
export interface StoredWeights {
  scale: number;
  /** Every slot's int16, in order. */
  dense?: string;
  /** The set slots: each as its distance from the previous one (uint16; a gap over 65,535 never occurs at 16 bits). */
  gaps?: string;
  /** The set slots' int16s, in the order of `gaps`. */
  values?: string;
}

/** Encodes a weight vector, sparse when fewer than a third of its slots are set after rounding. */
export function encodeWeights(weights: Float32Array): StoredWeights {
  let largest = 0;
  for (const w of weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest === 0 ? 1 : largest / 32767;
  const quantised = new Int16Array(weights.length);
  let set = 0;
  for (let i = 0; i < quantised.length; i++) {
    quantised[i] = Math.round(weights[i]! / scale);
    if (quantised[i] !== 0) set++;
  }
  if (set * 3 >= weights.length || weights.length > 1 << 16) return { scale, dense: toBase64(quantised) };
  const gaps = new Uint16Array(set);
  const values = new Int16Array(set);
  let previous = 0;
  let n = 0;
  for (let i = 0; i < quantised.length; i++) {
    if (quantised[i] === 0) continue;
    gaps[n] = i - previous;
    values[n++] = quantised[i]!;
    previous = i;
  }
  return { scale, gaps: toBase64(gaps), values: toBase64(values) };
}

/** Rebuilds a weight vector of `size` slots. */
export function decodeWeights(stored: StoredWeights, size: number): Float32Array {
  const weights = new Float32Array(size);
  if (stored.dense !== undefined) {
    const quantised = new Int16Array(fromBase64(stored.dense));
    for (let i = 0; i < size && i < quantised.length; i++) weights[i] = quantised[i]! * stored.scale;
    return weights;
  }
  const gaps = new Uint16Array(fromBase64(stored.gaps ?? ''));
  const values = new Int16Array(fromBase64(stored.values ?? ''));
  let slot = 0;
  for (let n = 0; n < gaps.length && n < values.length; n++) {
    slot += gaps[n]!;
    if (slot < size) weights[slot] = values[n]! * stored.scale;
  }
  return weights;
}

const toBase64 = (a: Int16Array | Uint16Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
// A copy: Buffer.from may place the bytes at an odd offset of a shared pool, where no 16-bit array can start.
const fromBase64 = (text: string): ArrayBuffer => Uint8Array.from(Buffer.from(text, 'base64')).buffer;
