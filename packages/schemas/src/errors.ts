import { z } from 'zod';

/**
 * Every error code any boundary can return (HTTP body or socket error frame). docs/ERRORS.md documents each one;
 * a test fails when one is missing there.
 */
export const errorCodes = [
  // HTTP and socket: who you are and what you may touch
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'validation_failed',
  'rate_limited',
  'internal',
  'unavailable',
  // ingest socket
  'invalid_json',
  'invalid_event',
  'frame_too_large',
  'too_many_events',
  'text_too_long',
  'session_ended',
  'enqueue_failed',
  // evidence
  'export_too_large',
  // merchant rules
  'invalid_rule_pattern',
  // alert lifecycle
  'invalid_transition',
  // webhooks
  'webhook_url_refused',
  'webhooks_not_configured',
] as const;

export const errorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCode>;

/** The HTTP status each code answers with; socket error frames carry the code alone. */
export const httpStatusOf: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation_failed: 400,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  invalid_json: 400,
  invalid_event: 400,
  frame_too_large: 413,
  too_many_events: 413,
  text_too_long: 400,
  session_ended: 409,
  enqueue_failed: 503,
  export_too_large: 413,
  invalid_rule_pattern: 400,
  invalid_transition: 409,
  webhook_url_refused: 400,
  webhooks_not_configured: 503,
};

/** Base of every typed error the packages throw; each boundary maps `code` to its wire form in one place. */
export class AnchorwatchError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The one JSON error body of every HTTP endpoint. */
export const errorBody = z.object({
  error: z.object({ code: errorCode, message: z.string(), requestId: z.string().optional() }),
});
export type ErrorBody = z.infer<typeof errorBody>;
