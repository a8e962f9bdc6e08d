// `node --import tsx eval/list-errors.ts SESSION…`: the engine's misses and false alarms on sessions, with the labels' notes.
import { join } from 'node:path';
import { createDetector, detectStream } from '@anchorwatch/engine';
import { resolveDataRoot } from './data-root.ts';
import { loadSession } from './datasets/livecommerce.ts';
import { readJsonl } from './datasets/read-jsonl.ts';

const dataRoot = resolveDataRoot(undefined);
for (const name of process.argv.slice(2)) {
  const dir = join(dataRoot, name);
  const stream = loadSession(dir, name).streams[0]!;
  const notes = new Map((readJsonl(join(dir, 'labels.jsonl')) as { eventId: string; note: string }[]).map((l) => [l.eventId, l.note]));
  const texts = new Map(stream.events.map((e) => [e.id, 'text' in e ? `${e.type === 'transcript' ? 'HOST' : 'chat'}: ${e.text}` : '']));
  const findings = detectStream(createDetector(stream.catalog), stream.events, { startedAtMs: stream.startedAtMs });
  const found = new Map(findings.map((f) => [`${f.eventId}|${f.productId}`, f]));
  process.stdout.write(`\n##### ${name}\n`);
  for (const pair of stream.gold) {
    if (found.has(pair)) continue;
    const [id, product] = pair.split('|');
    process.stdout.write(`MISS ${id} ${product}\n   ${texts.get(id!)}\n   [${notes.get(id!)}]\n`);
  }
  for (const [pair, f] of found) {
    if (stream.gold.has(pair)) continue;
    const cues = f.explanation.cues.map((c) => `${c.text}:${c.weight}`).join(' ');
    process.stdout.write(`FALSE ${f.eventId} ${f.productId} (${f.rule}; ${cues}; via ${f.explanation.product.via})\n   ${texts.get(f.eventId)}\n   [${notes.get(f.eventId)}]\n`);
  }
}
