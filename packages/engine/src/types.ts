import type { Catalog, Finding } from '@anchorwatch/schemas';

/** One line for the detector to read: host speech or a viewer's chat message. */
export interface DetectInput {
  eventId: string;
  type: 'transcript' | 'chat';
  text: string;
  /** Transcript speaker ("host", "cohost") or chat user name. */
  speaker?: string | null;
  /** The line's language when known; otherwise the context's, else detected from the text. */
  language?: DetectLanguage;
}

/** A line's language: 'auto' detects it per line (Chinese when it holds Chinese characters). */
export type DetectLanguage = 'auto' | 'en' | 'zh';

/** What the line's surroundings say: the product on air when it was spoken ("this", "it" refer to it). */
export interface DetectContext {
  onAirProductId: string | null;
  /** The session's language; 'auto' or absent detects each line's. */
  language?: DetectLanguage;
}

/** A detector built once per catalogue and reused for every line; `detect` is pure and never throws. */
export interface Detector {
  readonly version: string;
  detect(input: DetectInput, context: DetectContext): Finding[];
}

export type DetectorFactory = (catalog: Catalog) => Detector;
