import type { Catalog, Finding, Voice } from '@anchorwatch/schemas';

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
  /**
   * The stream's voice so far (schemas' `Voice`): `detect` counts an English transcript line in it and, once the
   * stream has a few, reads the line as the kind of text over half of its lines are (else host speech). Keep one
   * per stream and pass it to every line in order; absent, each line is read on its own.
   */
  voice?: Voice;
}

/**
 * A detector built once per catalogue and reused for every line; `detect` does no I/O, never throws, and changes
 * nothing but the context's `voice`.
 */
export interface Detector {
  readonly version: string;
  detect(input: DetectInput, context: DetectContext): Finding[];
}

export type DetectorFactory = (catalog: Catalog) => Detector;
