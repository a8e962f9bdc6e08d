export * from './types.ts';
export * from './timeline.ts';
export { DETECTOR_VERSION } from './version.ts';
export { createDetector, type DetectorOptions } from './create-detector.ts';
export { detectStream, type StreamOptions } from './detect-stream.ts';
export { NEGATIVE_PHRASES, type NegativePhrase } from './phrases.ts';
