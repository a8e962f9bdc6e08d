import { createDetector, detectStream } from '@anchorwatch/engine';
import { catalog as catalogSchema, ingestEvent, type IngestEvent } from '@anchorwatch/schemas';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { UsageError } from '../usage-error.ts';

const usage = 'usage: anchorwatch detect --catalog catalog.json [--input events.jsonl] [--started-at ISO-TIME]';

/**
 * `anchorwatch detect`: runs the engine offline over events in the ingest format (one JSON per line, stdin by
 * default) and prints one JSON line per negative (event, product) mention. Stream second 0 is `--started-at`,
 * else the first chat message's time (only chat needs it, to place messages against products on air).
 */
export async function detectCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { catalog: { type: 'string' }, input: { type: 'string' }, 'started-at': { type: 'string' } },
  });
  if (!values.catalog) throw new UsageError(usage);
  const catalog = catalogSchema.parse(JSON.parse(readFileSync(values.catalog, 'utf8')));
  const events = await readEvents(values.input);
  const firstChat = events.find((e) => e.type === 'chat');
  const startedAt = values['started-at'] ?? (firstChat?.type === 'chat' ? firstChat.ts : '1970-01-01T00:00:00Z');
  const startedAtMs = Date.parse(startedAt);
  if (Number.isNaN(startedAtMs)) throw new UsageError(`--started-at is not a time: ${startedAt}`);

  for (const finding of detectStream(createDetector(catalog), events, { startedAtMs })) {
    process.stdout.write(`${JSON.stringify(finding)}\n`);
  }
}

async function readEvents(path: string | undefined): Promise<IngestEvent[]> {
  const lines = createInterface({ input: path ? createReadStream(path) : process.stdin, crlfDelay: Infinity });
  const events: IngestEvent[] = [];
  let lineNo = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (!line.trim()) continue;
    const parsed = ingestEvent.safeParse(JSON.parse(line));
    if (!parsed.success) throw new UsageError(`line ${lineNo}: ${parsed.error.issues[0]?.message ?? 'invalid event'}`);
    events.push(parsed.data);
  }
  return events;
}
