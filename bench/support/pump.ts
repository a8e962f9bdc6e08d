import WebSocket from 'ws';

/**
 * Sends `frames` (each a JSON array of events with ids) over one socket, keeping at most `window` frames
 * unacknowledged, and resolves with the time in ms until the last ack. Optionally paces frames `everyMs` apart.
 */
export async function pump(
  url: string,
  headers: Record<string, string>,
  frames: { ids: string[]; body: string }[],
  window: number,
  everyMs = 0,
): Promise<number> {
  const socket = new WebSocket(url, { headers });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const pending = new Map<string, number>();
  const frameOf = new Map<string, number>();
  frames.forEach((f, i) => f.ids.forEach((id) => frameOf.set(id, i)));
  let next = 0;
  let done = 0;
  const started = performance.now();
  return new Promise<number>((resolve, reject) => {
    const sendMore = (): void => {
      while (next < frames.length && pending.size < window) {
        if (everyMs > 0 && performance.now() - started < next * everyMs) {
          setTimeout(sendMore, Math.max(1, next * everyMs - (performance.now() - started)));
          return;
        }
        pending.set(String(next), frames[next]!.ids.length);
        socket.send(frames[next]!.body);
        next += 1;
      }
    };
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as { type: string; ids?: string[]; code?: string };
      if (frame.type !== 'ack') return reject(new Error(`error frame: ${frame.code}`));
      for (const id of frame.ids ?? []) {
        const key = String(frameOf.get(id));
        const left = (pending.get(key) ?? 0) - 1;
        if (left <= 0) {
          pending.delete(key);
          done += 1;
        } else pending.set(key, left);
      }
      if (done === frames.length) {
        const elapsed = performance.now() - started;
        socket.close();
        resolve(elapsed);
      } else sendMore();
    });
    sendMore();
  });
}
