import { serverFrame, type ErrorFrame } from '@anchorwatch/schemas';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import type { ScheduledEvent } from './sample-session.ts';

/** One ingest socket that remembers which event ids were acknowledged and which were refused. */
export class IngestSocket {
  readonly acked = new Set<string>();
  readonly errors: ErrorFrame[] = [];
  private failure: Error | null = null;

  private constructor(private readonly socket: WebSocket) {
    // Kept for the message of a later send failure; without a listener an 'error' event would crash the demo.
    socket.on('error', (err: Error) => {
      this.failure = err;
    });
    // Attached before the socket opens, so no early frame is missed.
    socket.on('message', (data: Buffer) => {
      const frame = serverFrame.safeParse(JSON.parse(data.toString('utf8')));
      if (!frame.success) return;
      if (frame.data.type === 'ack') frame.data.ids.forEach((id) => this.acked.add(id));
      else this.errors.push(frame.data);
    });
  }

  /** Opens the session's ingest socket with its token; rejects with the HTTP status when the upgrade is refused. */
  static connect(url: string, token: string): Promise<IngestSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
      const client = new IngestSocket(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_req, res) => {
        reject(new Error(`ingest refused the socket: HTTP ${res.statusCode}`));
      });
      socket.once('error', reject);
    });
  }

  /**
   * Sends each event when its stream offset comes due, `speed` times faster than real time, counted from
   * `zeroMs` (wall-clock time of stream second 0). `onSend` sees each event as it goes out.
   */
  async replay(
    schedule: readonly ScheduledEvent[],
    options: { zeroMs: number; speed: number; signal: AbortSignal; onSend: (item: ScheduledEvent) => void },
  ): Promise<number> {
    let sent = 0;
    for (const item of schedule) {
      const wait = options.zeroMs + (item.offset * 1000) / options.speed - Date.now();
      if (wait > 0) await sleep(wait, undefined, { signal: options.signal });
      if (this.socket.readyState !== WebSocket.OPEN) {
        throw new Error(`the ingest socket closed during the replay${this.failure ? `: ${this.failure.message}` : ''}`);
      }
      this.socket.send(JSON.stringify(item.event));
      sent += 1;
      options.onSend(item);
    }
    return sent;
  }

  /** Waits, bounded, until every id is acknowledged or refused; returns how many were acknowledged. */
  async settle(ids: readonly string[], timeoutMs: number, signal: AbortSignal): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    const answered = (id: string) => this.acked.has(id) || this.errors.some((e) => e.id === id || e.ids?.includes(id));
    while (!ids.every(answered) && Date.now() < deadline) await sleep(20, undefined, { signal });
    return ids.filter((id) => this.acked.has(id)).length;
  }

  /** Closes the socket and waits for the close handshake (at most a second). */
  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    this.socket.close(1000);
    await Promise.race([closed, sleep(1000, undefined, { ref: false })]);
  }
}
