import type { AlertEvent } from '@anchorwatch/schemas';

/**
 * Something that must hear of every alert change: evidence clips, webhooks, the live feed. The dispatcher calls
 * `deliver` with events in feed order, at least once (again after any sink fails), so a sink must be idempotent
 * (a BullMQ jobId derived from the alert, a receiver that dedupes by feedSeq) and quick: enqueue or publish, never
 * call out to the network.
 */
export interface AlertSink {
  readonly name: string;
  deliver(events: AlertEvent[]): Promise<void>;
}
