import type { ErrorFrame, ServerFrame } from '@anchorwatch/schemas';
import WebSocket from 'ws';

/** A test client of the ingest socket that records every ack and error frame it receives. */
export class IngestClient {
  readonly acked = new Set<string>();
  readonly errors: ErrorFrame[] = [];
  closeCode: number | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as ServerFrame;
      if (frame.type === 'ack') frame.ids.forEach((id) => this.acked.add(id));
      else this.errors.push(frame);
    });
    socket.on('close', (code: number) => {
      this.closeCode = code;
    });
  }

  /** Opens a socket; rejects with the HTTP status when the server refuses the upgrade. */
  static connect(url: string, token: string, via: 'header' | 'query' = 'header'): Promise<IngestClient> {
    return new Promise((resolve, reject) => {
      const socket =
        via === 'header'
          ? new WebSocket(url, { headers: { authorization: `Bearer ${token}` } })
          : new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
      const client = new IngestClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  /** Sends one frame: an event, an array of events, or raw text. */
  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame));
  }

  /** Waits until every id is acknowledged. */
  async waitForAcks(ids: string[], timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ids.every((id) => this.acked.has(id))) {
      if (Date.now() > deadline) {
        const missing = ids.filter((id) => !this.acked.has(id));
        throw new Error(`not acknowledged: ${missing.slice(0, 5).join(', ')} (${missing.length} missing)`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Waits until at least `count` error frames arrived. */
  async waitForErrors(count: number, timeoutMs = 5_000): Promise<ErrorFrame[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.errors.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} error frames, got ${this.errors.length}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.errors;
  }

  /** Closes the socket and waits for the close handshake. */
  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close(1000);
    });
  }
}
