import { once } from 'node:events';
import { WebSocketServer } from 'ws';

/**
 * The floor for any ingest: a bare `ws` server on 127.0.0.1 that parses each frame and acks its ids, with no
 * validation, no batching and no Redis.
 */
export async function startAckServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  server.on('connection', (socket) => {
    socket.on('message', (data: Buffer) => {
      const events = JSON.parse(data.toString('utf8')) as { id: string }[];
      socket.send(JSON.stringify({ type: 'ack', ids: events.map((e) => e.id) }));
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('not listening on TCP');
  return {
    url: `ws://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
