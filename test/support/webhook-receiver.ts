import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds since the receiver was created (for rate-limit checks, which only bound from below). */
  at: number;
}

/** How the receiver answers a request: a status (and headers), after `hold` settles if given. */
export type Answer = (req: Received) => { status: number; headers?: Record<string, string>; hold?: Promise<void> };

/**
 * A local HTTP receiver on 127.0.0.1 standing in for a customer's webhook endpoint or Slack: records every
 * request and answers as the test says. It can be stopped and started again on the same port.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  answer: Answer = () => ({ status: 204 });
  private server: http.Server | null = null;
  private readonly born = performance.now();

  private constructor(public port: number) {}

  /** A receiver listening on a free port (or not yet listening, with `listening: false`: an endpoint that is down). */
  static async start(options: { listening?: boolean } = {}): Promise<WebhookReceiver> {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise((r) => probe.close(r));
    const receiver = new WebhookReceiver(port);
    if (options.listening !== false) await receiver.listen();
    return receiver;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Starts (again) listening on the receiver's port. */
  async listen(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        const got: Received = { path: req.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8'), at: performance.now() - this.born };
        this.received.push(got);
        const answer = this.answer(got);
        void (answer.hold ?? Promise.resolve()).then(() => res.writeHead(answer.status, answer.headers).end());
      });
    });
    await new Promise<void>((r) => server.listen(this.port, '127.0.0.1', r));
    this.server = server;
  }

  /** Stops listening and drops open connections. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }

  /** Requests on one path. */
  on(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }
}
