// The evidence jobs' entry points, for the worker app and for tests that drive them directly.
export { createEvidenceQueue, scheduleClipFinalisation, clipDueAt, type RaisedAlert } from './evidence-queue.ts';
export { finaliseClip, type FinaliseDeps, type FinaliseOutcome } from './finalise-clip.ts';
export { sweepEvidence } from './sweep-evidence.ts';
export { createEvidenceSink } from './evidence-sink.ts';
