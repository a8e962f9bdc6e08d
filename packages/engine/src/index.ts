export * from './types.ts';
export * from './timeline.ts';
export { DETECTOR_VERSION } from './version.ts';
export { createDetector, type DetectorOptions } from './create-detector.ts';
export { detectStream, type StreamOptions } from './detect-stream.ts';
export { NEGATIVE_PHRASES, type NegativePhrase } from './phrases.ts';
export { DEFAULT_RULES } from './rules/default-rules.ts';
export { compileRulePattern, MAX_REGEX_PROGRAM_SIZE, RulePatternError } from './rules/compile-rules.ts';
export { BURST_RULE, burstFinding, findChatBursts, type Burst, type BurstOptions, type Complaint } from './rules/chat-bursts.ts';
