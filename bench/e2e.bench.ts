// End to end: events/s through ingest → BullMQ → worker → PostgreSQL, and alert latency at a fixed load,
// next to a bare `ws` ack server fed the same frames in the same run.
import os from 'node:os';
import type { IngestEvent } from '@anchorwatch/schemas';
import { sampleStream } from '../test/support/sample-stream.ts';
import { startStack, type Stack } from '../test/support/stack.ts';
import { createTenant, openSession, type Tenant } from '../test/support/tenant.ts';
import { startAckServer } from './support/ack-server.ts';
import { benchConfig } from './support/bench-config.ts';
import { pump } from './support/pump.ts';
import { fmt, quantile } from './support/stats.ts';

const SESSIONS = 4;
const EVENTS_PER_SESSION = 5_000;
const FRAME_EVENTS = 20;
const WINDOW_FRAMES = 32;
const PACED_EVENTS_PER_SECOND = 1_000;
const PACED_SECONDS = 10;
const startedAt = '2026-11-20T12:00:00.000Z';
const catalog = [
  { name: 'GlowLab Vitamin C Serum', aliases: ['glowlab serum'] },
  { name: 'VoltCore MagSnap Power Bank', aliases: ['magsnap'] },
  { name: 'IronRoot Cast Iron Skillet', aliases: ['ironroot skillet'] },
];

const toFrames = (events: IngestEvent[], tag: string) => {
  const frames: { ids: string[]; body: string }[] = [];
  for (let i = 0; i < events.length; i += FRAME_EVENTS) {
    const slice = events.slice(i, i + FRAME_EVENTS).map((e) => ({ ...e, id: `${tag}-${e.id}` }));
    frames.push({ ids: slice.map((e) => e.id), body: JSON.stringify(slice) });
  }
  return frames;
};

async function openSessions(stack: Stack, tenant: Tenant, count: number, lines: number, tag: string) {
  return Promise.all(
    Array.from({ length: count }, async (_, s) => {
      const live = await openSession(stack.apiUrl, tenant, catalog, { startedAt });
      const { events } = sampleStream(live.products.map((p) => ({ id: p.id, alias: p.aliases[0]! })), lines, Date.parse(startedAt));
      return { live, frames: toFrames(events, `${tag}${s}`), events: events.length };
    }),
  );
}

async function waitStored(stack: Stack, sessionIds: string[], total: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await stack.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE session_id = ANY($1)', [sessionIds]);
    if (rows[0]!.n >= total) return;
    if (Date.now() > deadline) throw new Error(`only ${rows[0]!.n} of ${total} events stored in time`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function alertLatencies(stack: Stack, sessionIds: string[]): Promise<number[]> {
  const { rows } = await stack.pool.query<{ ms: number }>(
    `SELECT extract(epoch FROM (a.created_at - e.received_at)) * 1000 AS ms
     FROM alerts a JOIN events e USING (session_id, event_id) WHERE a.session_id = ANY($1)`,
    [sessionIds],
  );
  return rows.map((r) => Number(r.ms));
}

/** Runs the scenario and prints its figures. */
export async function main(): Promise<void> {
  // The per-connection rate limit would cap the burst; this scenario measures the pipeline, not the limit.
  const { config, cleanup } = await benchConfig({ INGEST_MAX_EVENTS_PER_SECOND: 1_000_000 });
  const stack = await startStack(config);
  const raw = await startAckServer();
  try {
    const tenant = await createTenant(stack.pool, 'bench');

    // 1. Throughput: every session streams as fast as acks allow.
    const burst = await openSessions(stack, tenant, SESSIONS, EVENTS_PER_SESSION, 'b');
    const total = burst.reduce((n, s) => n + s.events, 0);
    const t0 = performance.now();
    const ackMs = Math.max(
      ...(await Promise.all(burst.map((s) => pump(s.live.session.ingestUrl, { authorization: `Bearer ${s.live.session.ingestToken}` }, s.frames, WINDOW_FRAMES)))),
    );
    await waitStored(stack, burst.map((s) => s.live.session.id), total, 300_000);
    const storedMs = performance.now() - t0;

    // Baseline: the same frames over the same number of sockets to a bare ws server that only acks.
    const rawMs = Math.max(...(await Promise.all(burst.map((s) => pump(raw.url, {}, s.frames, WINDOW_FRAMES)))));

    // 2. Latency at a fixed load well below saturation.
    const perSession = (PACED_EVENTS_PER_SECOND * PACED_SECONDS) / SESSIONS;
    const paced = await openSessions(stack, tenant, SESSIONS, perSession, 'p');
    const everyMs = (1000 * FRAME_EVENTS * SESSIONS) / PACED_EVENTS_PER_SECOND;
    await Promise.all(paced.map((s) => pump(s.live.session.ingestUrl, { authorization: `Bearer ${s.live.session.ingestToken}` }, s.frames, WINDOW_FRAMES, everyMs)));
    const pacedIds = paced.map((s) => s.live.session.id);
    await waitStored(stack, pacedIds, perSession * SESSIONS, 120_000);
    await new Promise((r) => setTimeout(r, 500));
    const latencies = await alertLatencies(stack, pacedIds);

    const ackRate = (total / ackMs) * 1000;
    const rawRate = (total / rawMs) * 1000;
    const e2eRate = (total / storedMs) * 1000;
    process.stdout.write(
      [
        `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
        `load: ${SESSIONS} sessions × ${fmt(EVENTS_PER_SESSION)} events, frames of ${FRAME_EVENTS}, ≤ ${WINDOW_FRAMES} frames in flight per socket`,
        '',
        '| figure | value |',
        '|---|---|',
        `| ingest: events acknowledged (durably queued) per second | ${fmt(ackRate)} |`,
        `| baseline: bare ws ack server, same frames and sockets | ${fmt(rawRate)} |`,
        `| ratio ingest / bare ws | ${fmt(ackRate / rawRate, 2)} |`,
        `| end to end: events stored and analysed per second | ${fmt(e2eRate)} |`,
        `| alert latency p50 at ${fmt(PACED_EVENTS_PER_SECOND)} events/s (event received → alert stored), ms | ${fmt(quantile(latencies, 0.5), 1)} |`,
        `| alert latency p99 at ${fmt(PACED_EVENTS_PER_SECOND)} events/s, ms | ${fmt(quantile(latencies, 0.99), 1)} |`,
        `| alerts measured | ${fmt(latencies.length)} |`,
        '',
      ].join('\n'),
    );
  } finally {
    await raw.close();
    await stack.close();
    await cleanup();
  }
}
