import { AnchorwatchError, type ErrorCode, type ErrorFrame } from '@anchorwatch/schemas';

/** A refused frame or event: becomes one `error` frame on the socket; the connection carries on. */
export class IngestError extends AnchorwatchError {
  readonly eventId: string | null;
  readonly eventIds: string[] | undefined;
  constructor(code: ErrorCode, message: string, eventId: string | null = null, eventIds?: string[]) {
    super(code, message);
    this.eventId = eventId;
    this.eventIds = eventIds;
  }

  /** The wire form of this error. */
  toFrame(): ErrorFrame {
    return { type: 'error', id: this.eventId, ...(this.eventIds ? { ids: this.eventIds } : {}), code: this.code, message: this.message };
  }
}
