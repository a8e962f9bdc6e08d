/** The retry schedule of a webhook delivery, from config. */
export interface RetrySchedule {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the first retry; each later wait doubles. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
}

/** Wait before retry `retry` (1 = the first retry): base · 2^(retry-1), capped at max. */
export function retryDelayMs(retry: number, schedule: RetrySchedule): number {
  const n = Math.max(1, retry);
  return Math.min(schedule.maxMs, schedule.baseMs * 2 ** Math.min(n - 1, 40));
}

/** Every wait of the schedule in order (attempts - 1 of them). */
export function retryDelays(schedule: RetrySchedule): number[] {
  return Array.from({ length: Math.max(0, schedule.attempts - 1) }, (_, i) => retryDelayMs(i + 1, schedule));
}

/** Time from the first attempt to the last one: how long an endpoint may fail before it is disabled. */
export const scheduleSpanMs = (schedule: RetrySchedule): number => retryDelays(schedule).reduce((a, b) => a + b, 0);
