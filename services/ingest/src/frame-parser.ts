import { ingestEvent, type IngestEvent } from '@anchorwatch/schemas';
import { IngestError } from './errors.ts';

/** The per-frame limits, from config (INGEST_MAX_FRAME_BYTES, INGEST_MAX_EVENTS_PER_FRAME, INGEST_MAX_TEXT_LENGTH). */
export interface FrameLimits {
  maxFrameBytes: number;
  maxEventsPerFrame: number;
  maxTextLength: number;
}

export interface ParsedFrame {
  /** Valid events, each id once, in frame order. */
  events: IngestEvent[];
  /** One error per refused event, or one for the whole frame. */
  errors: IngestError[];
}

const idOf = (item: unknown): string | null => {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
};

/**
 * Reads one text frame: a JSON event or a JSON array of events. A bad event is refused alone; the others in the
 * frame are kept. Only frame-level faults (size, JSON, count) refuse the whole frame.
 */
export function parseFrame(data: Buffer, limits: FrameLimits): ParsedFrame {
  if (data.byteLength > limits.maxFrameBytes) {
    return fail(new IngestError('frame_too_large', `frame is ${data.byteLength} bytes; the limit is ${limits.maxFrameBytes}`));
  }
  let payload: unknown;
  try {
    payload = JSON.parse(data.toString('utf8'));
  } catch {
    return fail(new IngestError('invalid_json', 'frame is not valid JSON'));
  }
  const items = Array.isArray(payload) ? payload : [payload];
  if (items.length === 0) return fail(new IngestError('invalid_event', 'frame holds an empty array'));
  if (items.length > limits.maxEventsPerFrame) {
    return fail(
      new IngestError('too_many_events', `frame holds ${items.length} events; the limit is ${limits.maxEventsPerFrame}`),
    );
  }

  const events: IngestEvent[] = [];
  const errors: IngestError[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const parsed = ingestEvent.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      errors.push(new IngestError('invalid_event', `${where}${issue?.message ?? 'invalid event'}`, idOf(item)));
      continue;
    }
    const event = parsed.data;
    if (event.type !== 'product_on_air' && event.text.length > limits.maxTextLength) {
      errors.push(
        new IngestError('text_too_long', `text is ${event.text.length} characters; the limit is ${limits.maxTextLength}`, event.id),
      );
      continue;
    }
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    events.push(event);
  }
  return { events, errors };
}

const fail = (error: IngestError): ParsedFrame => ({ events: [], errors: [error] });
