import { ingestEvent, type IngestEvent } from '@anchorwatch/schemas';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const sampleProduct = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  brand: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)).default([]),
});
const sampleCatalog = z.object({ products: z.array(sampleProduct).min(1) });

export type SampleProduct = z.infer<typeof sampleProduct>;

/** A recorded session: its catalogue (products by a local `id`, which its `product_on_air` events name) and its events in the ingest wire format. */
export interface SampleSession {
  products: SampleProduct[];
  events: IngestEvent[];
}

/** One event to send, `offset` stream seconds after second 0, already rewritten for the live session. */
export interface ScheduledEvent {
  offset: number;
  event: IngestEvent;
}

/** Reads and validates `catalog.json` and `events.jsonl` from a sample folder; names the bad line on failure. */
export async function loadSampleSession(dir: string): Promise<SampleSession> {
  const catalog = sampleCatalog.parse(JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')));
  const lines = (await readFile(join(dir, 'events.jsonl'), 'utf8')).split('\n');
  const events: IngestEvent[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const parsed = ingestEvent.safeParse(JSON.parse(line));
    if (!parsed.success) {
      throw new Error(`events.jsonl line ${index + 1}: ${parsed.error.issues[0]?.message ?? 'invalid event'}`);
    }
    events.push(parsed.data);
  });
  const keys = new Set(catalog.products.map((p) => p.id));
  const unknown = events.find((e) => e.type === 'product_on_air' && !keys.has(e.productId));
  if (unknown?.type === 'product_on_air') {
    throw new Error(`events.jsonl: product_on_air names unknown key "${unknown.productId}"`);
  }
  return { products: catalog.products, events };
}

/**
 * Places every event on the stream clock and rewrites it for a live session that started at `startedAtMs`: chat
 * times keep their distance from the recording's earliest chat message (the recording's second 0), on-air marks
 * get the real product ids. Pure, so the schedule is testable without a stack.
 */
export function scheduleEvents(
  events: readonly IngestEvent[],
  productIdByKey: ReadonlyMap<string, string>,
  startedAtMs: number,
): ScheduledEvent[] {
  const chatTimes = events.flatMap((e) => (e.type === 'chat' ? [Date.parse(e.ts)] : []));
  const recordedZeroMs = chatTimes.length > 0 ? Math.min(...chatTimes) : 0;
  const scheduled = events.map((event): ScheduledEvent => {
    switch (event.type) {
      case 'transcript':
        return { offset: event.start, event };
      case 'product_on_air': {
        const productId = productIdByKey.get(event.productId);
        if (!productId) throw new Error(`no product created for key "${event.productId}"`);
        return { offset: event.at, event: { ...event, productId } };
      }
      case 'chat': {
        const offset = (Date.parse(event.ts) - recordedZeroMs) / 1000;
        return { offset, event: { ...event, ts: new Date(startedAtMs + offset * 1000).toISOString() } };
      }
    }
  });
  // Array.prototype.sort is stable, so events sharing an offset keep their file order.
  return scheduled.sort((a, b) => a.offset - b.offset);
}

/** Seconds from the sample's first event to its last, on the stream clock. */
export function sampleDuration(sample: SampleSession): number {
  const keys = new Map(sample.products.map((p) => [p.id, p.id]));
  const schedule = scheduleEvents(sample.events, keys, 0);
  return (schedule.at(-1)?.offset ?? 0) - (schedule[0]?.offset ?? 0);
}
