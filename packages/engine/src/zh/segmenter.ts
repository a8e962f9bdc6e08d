import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Splits a Chinese line into dictionary words; the engine only asks where word boundaries fall. */
export interface Segmenter {
  cut(text: string): string[];
}

let shared: Segmenter | null = null;

/**
 * The default segmenter: jieba (Rust, prebuilt binary in its npm package) over its bundled dictionary, which the
 * package reads into memory at import. Built once, on first use, and shared: it holds no per-catalogue state.
 */
export function defaultSegmenter(): Segmenter {
  if (!shared) {
    const jieba = Jieba.withDict(dict);
    // HMM off: unknown strings stay split into characters, so a token of two or more means a dictionary word.
    shared = { cut: (text) => jieba.cut(text, false) };
  }
  return shared;
}
