/** What a feature stands for, so an explanation can quote it. */
export const FeatureKind = { summary: 0, word: 1, negatedWord: 2, pair: 3 } as const;
export type FeatureKind = (typeof FeatureKind)[keyof typeof FeatureKind];

/**
 * A line's model inputs in parallel typed arrays: slot, value, clause, the token a word feature ends on, and its
 * kind. One buffer is reused line after line, so reading a line allocates nothing; `snapshot` keeps a copy
 * (training keeps every line's).
 */
export class FeatureBuffer {
  count = 0;
  index: Int32Array;
  value: Float32Array;
  clause: Int16Array;
  token: Int32Array;
  kind: Uint8Array;

  constructor(capacity = 64) {
    this.index = new Int32Array(capacity);
    this.value = new Float32Array(capacity);
    this.clause = new Int16Array(capacity);
    this.token = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
  }

  /** Empties the buffer for the next line. */
  clear(): void {
    this.count = 0;
  }

  push(index: number, value: number, clause: number, token: number, kind: FeatureKind): void {
    if (this.count === this.index.length) this.#grow();
    const i = this.count++;
    this.index[i] = index;
    this.value[i] = value;
    this.clause[i] = clause;
    this.token[i] = token;
    this.kind[i] = kind;
  }

  /** A compact copy that later lines will not overwrite. */
  snapshot(): FeatureBuffer {
    const copy = new FeatureBuffer(Math.max(1, this.count));
    copy.index.set(this.index.subarray(0, this.count));
    copy.value.set(this.value.subarray(0, this.count));
    copy.clause.set(this.clause.subarray(0, this.count));
    copy.token.set(this.token.subarray(0, this.count));
    copy.kind.set(this.kind.subarray(0, this.count));
    copy.count = this.count;
    return copy;
  }

  #grow(): void {
    const size = this.index.length * 2;
    const grown = <T extends Int32Array | Float32Array | Int16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.index = grown(this.index, (n) => new Int32Array(n));
    this.value = grown(this.value, (n) => new Float32Array(n));
    this.clause = grown(this.clause, (n) => new Int16Array(n));
    this.token = grown(this.token, (n) => new Int32Array(n));
    this.kind = grown(this.kind, (n) => new Uint8Array(n));
  }
}
